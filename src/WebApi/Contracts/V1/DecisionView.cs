namespace InfiniteSecurity.WebApi.Contracts.V1;

/// <summary>What the calling application should do.</summary>
public sealed class DecisionView
{
    /// <summary><c>BLOCK_IMMEDIATE</c>, <c>BLOCK_WITH_LOG</c>, <c>MONITOR_ONLY</c>, <c>ALLOW_WITH_WARNING</c> or <c>ALLOW</c>.</summary>
    /// <example>BLOCK_IMMEDIATE</example>
    public required string Action { get; init; }

    /// <summary><c>CRITICAL</c>, <c>HIGH</c>, <c>MEDIUM</c> or <c>LOW</c>.</summary>
    /// <example>CRITICAL</example>
    public required string AlertLevel { get; init; }

    /// <summary>True when an analyst should look at it (confidence at or above 0.8).</summary>
    /// <example>true</example>
    public required bool RequiresHumanReview { get; init; }
}
