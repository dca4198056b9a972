namespace InfiniteSecurity.Application.Statistics.GetStatisticsHistory;

/// <summary>One bucket: analyses answered, threats detected among them and how many of those were blocked.</summary>
public sealed record HistoryPoint(DateTime Start, long Requests, long Threats, long Blocked);
