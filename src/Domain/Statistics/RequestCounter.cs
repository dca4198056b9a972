namespace InfiniteSecurity.Domain.Statistics;

/// <summary>
/// How many analyses were answered in one UTC minute, and how many of them were threats and blocked. One row per
/// minute, added to in batches (never a row per request), so statistics cover benign traffic too.
/// </summary>
public sealed class RequestCounter
{
    private RequestCounter()
    {
    }

    /// <summary>The minute's start (UTC, seconds zero).</summary>
    public DateTime BucketStart { get; private set; }

    public long Requests { get; private set; }

    public long Threats { get; private set; }

    public long Blocked { get; private set; }

    /// <summary>The minute a moment falls in.</summary>
    public static DateTime MinuteOf(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Utc ? at : at.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
    }
}
