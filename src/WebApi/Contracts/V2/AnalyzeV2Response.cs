using System.Text.Json.Serialization;
using InfiniteSecurity.WebApi.Contracts.V1;

namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>The v1 verdict plus the evidence behind it.</summary>
public sealed class AnalyzeV2Response
{
    /// <summary>Id of this analysis; a stored threat refers to it.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>What the engine found.</summary>
    public required AnalysisView Analysis { get; init; }

    /// <summary>What to do about it.</summary>
    public required DecisionView Decision { get; init; }

    /// <summary>Every finding, strongest first.</summary>
    public required IReadOnlyList<FindingView> Findings { get; init; }

    /// <summary>One remediation per attack family among the findings; only when <c>include_recommendations</c> was true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RecommendationView>? Recommendations { get; init; }

    /// <summary>Id of the stored threat, when the input was one.</summary>
    public Guid? ThreatId { get; init; }

    /// <summary>When the analysis was made (UTC, ISO 8601).</summary>
    public required DateTime Timestamp { get; init; }
}
