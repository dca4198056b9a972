namespace InfiniteSecurity.Infrastructure.Persistence.Retention;

/// <summary>Bound from <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Threats older than this many days are deleted.</summary>
    public int Days { get; set; } = 30;

    /// <summary>
    /// Stored threat inputs (<c>Threats:StoreInput=Encrypted</c>) older than this many days are deleted before their
    /// threats; null keeps them as long as the threat. Never longer than <see cref="Days"/>: an input goes with its threat.
    /// </summary>
    public int? InputDays { get; set; }

    /// <summary>Rows deleted per statement, so no delete holds a long lock.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How often the job runs.</summary>
    public int IntervalMinutes { get; set; } = 60;
}
