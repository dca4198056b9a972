using System.Text.Json.Serialization;
using InfiniteSecurity.WebApi.Contracts.V1;

namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>One result per item, in the order of the items.</summary>
public sealed class AnalyzeBatchResponse
{
    public required IReadOnlyList<BatchResultView> Results { get; init; }
}

/// <summary>An item's verdict (<c>analysis</c> and <c>decision</c>) or, for an invalid item, its <c>error</c>.</summary>
public sealed class BatchResultView
{
    /// <summary>The item's id as sent.</summary>
    public string? Id { get; init; }

    /// <summary>What the engine found (absent for an invalid item).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnalysisView? Analysis { get; init; }

    /// <summary>What to do about it (absent for an invalid item).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DecisionView? Decision { get; init; }

    /// <summary>Id of the stored threat, when the item was one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? ThreatId { get; init; }

    /// <summary>Why the item was not analysed (only for an invalid item).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BatchItemError? Error { get; init; }
}

/// <summary>Why one item of a batch was not analysed.</summary>
public sealed class BatchItemError
{
    /// <summary>Always <c>invalid_input</c> for now.</summary>
    public required string Code { get; init; }

    /// <summary>What is wrong with the item.</summary>
    public required string Detail { get; init; }
}
