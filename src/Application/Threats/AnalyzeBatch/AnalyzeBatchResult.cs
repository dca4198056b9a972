using InfiniteSecurity.Application.Threats.AnalyzeInput;

namespace InfiniteSecurity.Application.Threats.AnalyzeBatch;

/// <summary>One answer per item, in the order of the items.</summary>
public sealed record AnalyzeBatchResult(IReadOnlyList<BatchItemResult> Results);

/// <summary>An item's verdict, or why it could not be analysed (<see cref="Error"/>); exactly one of the two is set.</summary>
public sealed record BatchItemResult(string? Id, AnalyzeInputResult? Result, string? Error);
