using InfiniteSecurity.Application.Threats;

namespace InfiniteSecurity.Application.Threats.GetThreat;

/// <summary>
/// A stored threat as the API shows it (the fingerprint and evidence, never the whole input). Mapped in
/// <see cref="ThreatMappingProfile"/>. <c>Locations</c> says where in an inspected HTTP request the findings were
/// (empty for a threat from analyze). <c>ReviewState</c> is <c>unreviewed</c>, <c>true_positive</c> or
/// <c>false_positive</c>. <c>Occurrences</c> is how many detections of this attack (same source, input and rules, within
/// the aggregation window) the row stands for, seen from <c>FirstSeen</c> to <c>LastSeen</c>.
/// </summary>
public sealed record ThreatView(
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
    string Evidence,
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
    DateTime LastSeen);
