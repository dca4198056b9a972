using InfiniteSecurity.Application.Threats;

namespace InfiniteSecurity.Application.Threats.GetThreat;

/// <summary>A stored threat as the API shows it (the fingerprint and evidence, never the whole input). Mapped in <see cref="ThreatMappingProfile"/>.</summary>
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
    Guid RequestId);
