using InfiniteSecurity.WebApi.Contracts.V1;

namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>One verdict on a whole HTTP request, with every finding and where it was found.</summary>
public sealed class InspectResponse
{
    /// <summary>Id of this inspection; a stored threat refers to it.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>What the engine found, in the same shape as /api/v2/analyze (the winning location's findings first).</summary>
    public required AnalysisView Analysis { get; init; }

    /// <summary>What to do about it.</summary>
    public required DecisionView Decision { get; init; }

    /// <summary>Every counted finding, then those an exclusion silenced (with <c>excluded_by</c>).</summary>
    public required IReadOnlyList<LocatedFindingView> Findings { get; init; }

    /// <summary>How many values (path, parameters, headers, cookies, body fields) were analysed.</summary>
    public required int ValuesInspected { get; init; }

    /// <summary>What the parser could not take as it was (a limit reached, a body that is not what its type says); not errors.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Id of the stored threat, when the request was one.</summary>
    public Guid? ThreatId { get; init; }

    /// <summary>When the inspection was made (UTC, ISO 8601).</summary>
    public required DateTime Timestamp { get; init; }
}
