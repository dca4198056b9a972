namespace InfiniteSecurity.Domain.Siem;

/// <summary>
/// One entry of the security event stream that SIEMs read: a copy of a stored threat or audit event, made by a
/// database trigger in the transaction that stored the original, so that no writer has to know about the stream.
/// <see cref="Position"/> grows with every insert; on PostgreSQL <see cref="Xact"/> is the writing transaction's id,
/// which lets a reader hand out only rows that no still-running transaction can precede (see ADR 0018).
/// </summary>
public sealed class SecurityEvent
{
    private SecurityEvent()
    {
    }

    public long Position { get; private set; }

    /// <summary>The writing transaction's id on PostgreSQL (<c>pg_current_xact_id()</c>); 0 on SQLite, which has one writer.</summary>
    public long Xact { get; private set; }

    /// <summary>The id of the threat or audit event this entry copies: stable, so a consumer can de-duplicate by it.</summary>
    public Guid Id { get; private set; }

    public DateTime OccurredAt { get; private set; }

    /// <summary><see cref="SecurityEventKind.Threat"/> or <see cref="SecurityEventKind.Audit"/>.</summary>
    public string Kind { get; private set; } = string.Empty;

    public string EventType { get; private set; } = string.Empty;

    public string? Actor { get; private set; }

    public string? SourceIp { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>For audit events Success or Failure; for threats the action taken (BLOCK_IMMEDIATE, MONITOR_ONLY, ...).</summary>
    public string Outcome { get; private set; } = string.Empty;

    public string? Details { get; private set; }

    public string? Category { get; private set; }

    public string? Severity { get; private set; }

    public double? Confidence { get; private set; }

    public int? RiskScore { get; private set; }

    public bool? Blocked { get; private set; }

    /// <summary>Comma-separated rule ids of a threat.</summary>
    public string? RuleIds { get; private set; }

    /// <summary>A threat's locations as the JSON array the threat stores.</summary>
    public string? Locations { get; private set; }

    public Guid? RequestId { get; private set; }
}
