namespace InfiniteSecurity.Application.Statistics.GetStatisticsHistory;

/// <summary>A series of buckets, oldest first, covering <c>From</c> (aligned down to a bucket start) up to <c>To</c>.</summary>
public sealed record StatisticsHistory(string Bucket, DateTime From, DateTime To, IReadOnlyList<HistoryPoint> Series);
