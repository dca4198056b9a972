namespace InfiniteSecurity.Application.Statistics.GetStatistics;

/// <summary>
/// <c>Requests</c>: every answered analysis (benign too) in the period, counted per minute; <c>Threats</c> and
/// <c>Blocked</c>: detections stored as threats (a row counts its occurrences). The maps are keyed by family, severity and action; the top lists hold at most ten.
/// Requests are counted by whole minutes: a bound inside a minute includes or excludes that whole minute.
/// </summary>
public sealed record StatisticsSummary(
    long Requests,
    int Threats,
    int Blocked,
    IReadOnlyDictionary<string, int> ByFamily,
    IReadOnlyDictionary<string, int> BySeverity,
    IReadOnlyDictionary<string, int> ByAction,
    IReadOnlyList<SourceCount> TopSources,
    IReadOnlyList<RuleCount> TopRules,
    DateTime? From,
    DateTime? To);
