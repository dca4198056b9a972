namespace InfiniteSecurity.Application.Statistics.GetStatisticsHistory;

/// <summary>
/// The bucket size of a history: one minute, hour or day. Buckets are aligned to UTC (an hour starts at :00, a day at
/// midnight UTC).
/// </summary>
public static class HistoryBucket
{
    public static bool TryParse(string? text, out TimeSpan size)
    {
        (var known, size) = text switch
        {
            "1m" => (true, TimeSpan.FromMinutes(1)),
            null or "" or "1h" => (true, TimeSpan.FromHours(1)),
            "1d" => (true, TimeSpan.FromDays(1)),
            _ => (false, TimeSpan.Zero),
        };
        return known;
    }

    public static DateTime Floor(DateTime at, TimeSpan size) => new(at.Ticks - (at.Ticks % size.Ticks), DateTimeKind.Utc);
}
