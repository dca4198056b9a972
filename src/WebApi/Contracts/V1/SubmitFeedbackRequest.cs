namespace InfiniteSecurity.WebApi.Contracts.V1;

/// <summary>An analyst's verdict on a stored threat.</summary>
public sealed class SubmitFeedbackRequest
{
    /// <summary><c>true_positive</c> (it was an attack) or <c>false_positive</c> (it was benign).</summary>
    /// <example>false_positive</example>
    public string? Verdict { get; init; }

    /// <summary>Why, for the next analyst (at most 1,000 characters; control characters are replaced).</summary>
    /// <example>Search box on the help page; customers paste SQL from the manual.</example>
    public string? Comment { get; init; }
}
