namespace InfiniteSecurity.Infrastructure.Statistics;

/// <summary><c>Statistics</c> configuration.</summary>
public sealed class StatisticsOptions
{
    public const string SectionName = "Statistics";

    /// <summary>How often the in-memory request counts are added to the database (ms, 100..60,000).</summary>
    public int FlushIntervalMilliseconds { get; set; } = 1000;
}
