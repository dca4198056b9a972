using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Audit;

/// <summary>
/// An append-only record of a security-relevant action: who, when (UTC), from where, what, and how it ended.
/// Free text is bounded and control characters are replaced, so an attacker cannot forge audit lines.
/// </summary>
public sealed class AuditEvent
{
    public const int MaxDetailsLength = 2000;

    private AuditEvent()
    {
    }

    public Guid Id { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public string EventType { get; private set; } = string.Empty;
    public string? Actor { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }
    public AuditOutcome Outcome { get; private set; }
    public string? Details { get; private set; }

    public static AuditEvent Record(string eventType, AuditOutcome outcome, string? actor, string? ipAddress, string? userAgent, string? details, TimeProvider time)
    {
        var type = Guard.NotBlank(eventType, "Event type", 64);
        if (!type.All(c => c is (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9')))
        {
            throw new DomainException("Event type must be UPPER_SNAKE_CASE.");
        }

        return new AuditEvent
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            OccurredAt = time.UtcNow(),
            EventType = type,
            Outcome = outcome,
            Actor = Guard.Neutralise(actor, 128),
            IpAddress = Guard.Neutralise(ipAddress, 64),
            UserAgent = Guard.Neutralise(userAgent, 512),
            Details = Guard.Neutralise(details, MaxDetailsLength),
        };
    }
}
