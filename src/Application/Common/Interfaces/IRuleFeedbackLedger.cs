namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>A rule's feedback counts after a change.</summary>
public sealed record RuleTally(long TruePositives, long FalsePositives);

/// <summary>
/// The rule feedback counts, changed atomically in the database so that analysts judging at the same time, on the
/// same or on different instances, never lose a count. Counting a rule also holds it until the transaction ends, so
/// the weight written from the returned counts is never overtaken by one written from older counts.
/// </summary>
public interface IRuleFeedbackLedger
{
    /// <summary>Adds the deltas (negative when an analyst replaces a verdict) and returns the new counts; counts never go below zero.</summary>
    Task<RuleTally> CountAsync(string ruleId, int truePositives, int falsePositives, DateTime at, CancellationToken cancellationToken);

    /// <summary>Forgets a rule's counts.</summary>
    Task ClearAsync(string ruleId, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one database transaction (retried whole by the provider's strategy).</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
