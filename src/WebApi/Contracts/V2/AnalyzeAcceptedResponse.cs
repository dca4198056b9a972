namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>The analysis was made and its result queued for delivery to the callback URL.</summary>
public sealed class AnalyzeAcceptedResponse
{
    /// <summary>Id of the analysis: the <c>request_id</c> of the body that will be POSTed.</summary>
    public required Guid Id { get; init; }

    /// <summary>Always <c>queued</c>.</summary>
    /// <example>queued</example>
    public string Status { get; init; } = "queued";
}
