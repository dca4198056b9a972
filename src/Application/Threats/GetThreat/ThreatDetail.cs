namespace InfiniteSecurity.Application.Threats.GetThreat;

/// <summary>
/// One stored threat with its findings read back from the evidence: rule, family, location and matched span; with
/// <c>Occurrences</c> detections of the same attack folded into it between <c>FirstSeen</c> and <c>LastSeen</c>.
/// </summary>
public sealed record ThreatDetail(
    Guid Id,
    DateTime DetectedAt,
    string Category,
    double Confidence,
    string Severity,
    int RiskScore,
    string Action,
    bool Blocked,
    bool RequiresHumanReview,
    string PatternsMatched,
    string InputSha256,
    int InputLength,
    string? UserId,
    string? SourceIp,
    Guid RequestId,
    IReadOnlyList<string> Locations,
    string ReviewState,
    DateTime? ReviewedAt,
    int Occurrences,
    DateTime FirstSeen,
    DateTime LastSeen,
    IReadOnlyList<ThreatFinding> Findings)
{
    /// <summary>Whether the whole input is kept (encrypted); analysts and admins read it at <c>GET /api/v1/threats/{id}/input</c>.</summary>
    public bool InputStored { get; init; }
}

