namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>Up to 1,000 inputs to analyse in one call.</summary>
public sealed class AnalyzeBatchRequest
{
    /// <summary>1 to 1,000 items; each is answered in the same position of <c>results</c>.</summary>
    public IReadOnlyList<AnalyzeBatchItem>? Items { get; init; }
}

/// <summary>One input of a batch.</summary>
public sealed class AnalyzeBatchItem
{
    /// <summary>The caller's name for the item (at most 128 characters), echoed in its result.</summary>
    /// <example>comment-17</example>
    public string? Id { get; init; }

    /// <summary>The text exactly as the user supplied it (1 to Detection:MaxInputLength characters).</summary>
    /// <example>name' or 'b'='b</example>
    public string? Input { get; init; }
}
