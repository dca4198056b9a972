namespace InfiniteSecurity.WebApi.Contracts.V1;

/// <summary>The verdict on one input.</summary>
public sealed class AnalyzeResponse
{
    /// <summary>Id of this analysis; a stored threat refers to it.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>What the engine found.</summary>
    public required AnalysisView Analysis { get; init; }

    /// <summary>What to do about it.</summary>
    public required DecisionView Decision { get; init; }

    /// <summary>When the analysis was made (UTC, ISO 8601).</summary>
    public required DateTime Timestamp { get; init; }
}
