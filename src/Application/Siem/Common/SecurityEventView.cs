namespace InfiniteSecurity.Application.Siem.Common;

/// <summary>
/// One security event as SIEMs receive it, before it is put into a wire format. <c>Id</c> is stable (the threat's or
/// the audit event's): consumers de-duplicate by it. <c>Kind</c> is <c>threat</c> or <c>audit</c>; <c>Type</c> the
/// event type (<c>THREAT_DETECTED</c>, <c>LOGIN_FAILED</c>, ...); <c>Outcome</c> Success or Failure for audit events
/// and the action (<c>BLOCK_IMMEDIATE</c>, ...) for threats.
/// </summary>
public sealed record SecurityEventView(
    Guid Id,
    DateTime Time,
    string Kind,
    string Type,
    string? Actor,
    string? SourceIp,
    string? UserAgent,
    string Outcome,
    string? Details,
    ThreatFacts? Threat,
    StreamCursor Cursor);

/// <summary>What a threat adds to an event.</summary>
public sealed record ThreatFacts(
    string Family,
    string Severity,
    double Confidence,
    int RiskScore,
    string Action,
    bool Blocked,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<string> Locations,
    Guid RequestId);
