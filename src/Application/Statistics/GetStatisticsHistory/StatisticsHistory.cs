namespace InfiniteSecurity.Application.Statistics.GetStatisticsHistory;

/// <summary>A series of buckets, oldest first, covering <c>From</c> (aligned down to a bucket start) up to <c>To</c>.</summary>
public sealed record StatisticsHistory(string Bucket, DateTime From, DateTime To, IReadOnlyList<HistoryPoint> Series);

/// <summary>One bucket: analyses answered, threats detected among them and how many of those were blocked.</summary>
public sealed record HistoryPoint(DateTime Start, long Requests, long Threats, long Blocked);
