namespace InfiniteSecurity.WebApi.Contracts.V1;

/// <summary>The verdict on one input.</summary>
public sealed class AnalyzeResponse
{
    /// <summary>
    /// Id of this analysis, unique per request. The stored threat of a first detection refers to it; a repeat folded
    /// into an earlier row (same source, input and rules within the aggregation window) is found by <c>threat_id</c>.
    /// </summary>
    public required Guid RequestId { get; init; }

    /// <summary>
    /// The stored threat this analysis was recorded as (<c>GET /api/v1/threats/{id}</c>): its own row, or the earlier
    /// row of the same attack whose <c>occurrences</c> it was added to. Null when no threat was found.
    /// </summary>
    public Guid? ThreatId { get; init; }

    /// <summary>What the engine found.</summary>
    public required AnalysisView Analysis { get; init; }

    /// <summary>What to do about it.</summary>
    public required DecisionView Decision { get; init; }

    /// <summary>When the analysis was made (UTC, ISO 8601).</summary>
    public required DateTime Timestamp { get; init; }
}
