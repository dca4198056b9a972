namespace InfiniteSecurity.Domain.Threats;

/// <summary>What an analyst said about a stored threat.</summary>
public enum ThreatReviewState
{
    Unreviewed = 0,
    TruePositive = 1,
    FalsePositive = 2,
}
