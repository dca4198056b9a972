namespace InfiniteSecurity.Infrastructure.Detection;

/// <summary>Bound from <c>Detection:RuleWeights</c>.</summary>
public sealed class RuleWeightRefreshOptions
{
    public const string SectionName = "Detection:RuleWeights";

    /// <summary>How often each instance reloads the tuned rule weights (one small query of at most one row per rule).</summary>
    public double RefreshSeconds { get; set; } = 2;
}
