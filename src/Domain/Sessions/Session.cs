using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Sessions;

/// <summary>
/// A refresh-token session. Only the SHA-256 hash of the refresh token is kept. Rotation ends this session and
/// starts its successor in the same family, so that a rotated token presented again can revoke the family.
/// </summary>
public sealed class Session
{
    private Session()
    {
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid FamilyId { get; private set; }
    public string RefreshTokenHash { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevocationReason { get; private set; }
    public Guid? ReplacedBySessionId { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    public static Session Start(Guid userId, string refreshTokenHash, TimeSpan lifetime, string? ipAddress, string? userAgent, TimeProvider time)
        => Create(userId, Guid.Empty, refreshTokenHash, lifetime, ipAddress, userAgent, time);

    public bool IsActive(DateTime nowUtc) => RevokedAt is null && ExpiresAt > nowUtc;

    /// <summary>Ends this session and returns its successor, which carries the new refresh token hash.</summary>
    public Session Rotate(string newRefreshTokenHash, TimeSpan lifetime, string? ipAddress, string? userAgent, TimeProvider time)
    {
        if (!IsActive(time.UtcNow()))
        {
            throw new DomainException("Only an active session can be rotated.");
        }

        var next = Create(UserId, FamilyId, newRefreshTokenHash, lifetime, ipAddress, userAgent, time);
        Revoke("rotated", time);
        ReplacedBySessionId = next.Id;
        return next;
    }

    public void Revoke(string reason, TimeProvider time)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = time.UtcNow();
        RevocationReason = Guard.NotBlank(reason, "Revocation reason", 64);
    }

    public void Touch(TimeProvider time) => LastUsedAt = time.UtcNow();

    private static Session Create(Guid userId, Guid familyId, string refreshTokenHash, TimeSpan lifetime, string? ipAddress, string? userAgent, TimeProvider time)
    {
        if (userId == Guid.Empty)
        {
            throw new DomainException("A session belongs to a user.");
        }

        if (lifetime <= TimeSpan.Zero)
        {
            throw new DomainException("A session lifetime must be positive.");
        }

        var now = time.UtcNow();
        var id = Guid.CreateVersion7(time.GetUtcNow());
        return new Session
        {
            Id = id,
            UserId = userId,
            FamilyId = familyId == Guid.Empty ? id : familyId,
            RefreshTokenHash = Guard.NotBlank(refreshTokenHash, "Refresh token hash", 128),
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + lifetime,
            IpAddress = Guard.Neutralise(ipAddress, 64),
            UserAgent = Guard.Neutralise(userAgent, 512),
        };
    }
}
