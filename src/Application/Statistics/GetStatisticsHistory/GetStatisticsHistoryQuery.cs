using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Statistics.GetStatisticsHistory;

/// <summary>
/// Counts per bucket (<c>1m</c>, <c>1h</c> default, <c>1d</c>) from <c>From</c> to <c>To</c> (UTC; default: the last 24
/// buckets up to now). Every bucket in the range is present, empty ones with zeros; at most
/// <see cref="MaxBuckets"/> buckets.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Analyst)]
public sealed record GetStatisticsHistoryQuery(string? Bucket, DateTime? From, DateTime? To) : IRequest<StatisticsHistory>
{
    public const int MaxBuckets = 1440;
    public const int DefaultBuckets = 24;
}
