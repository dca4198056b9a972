namespace InfiniteSecurity.Application.Statistics.GetStatistics;

/// <summary>A rule and how many stored threats it matched (once per threat).</summary>
public sealed record RuleCount(string RuleId, int Hits);
