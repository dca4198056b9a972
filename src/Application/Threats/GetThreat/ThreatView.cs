using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Application.Threats.GetThreat;

/// <summary>A stored threat as the API shows it (the fingerprint and evidence, never the whole input).</summary>
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
    Guid RequestId)
{
    /// <summary>Severity and action are spelled as in the analyze response: <c>critical</c>, <c>BLOCK_IMMEDIATE</c>.</summary>
    public static ThreatView From(Threat t) => new(t.Id, t.DetectedAt, t.Category, t.Confidence, t.Severity.ToString().ToLowerInvariant(), t.RiskScore,
        UpperSnake(t.Action.ToString()), t.Blocked, t.RequiresHumanReview, t.PatternsMatched, t.Evidence, t.InputSha256, t.InputLength, t.UserId, t.RequestId);

    private static string UpperSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
