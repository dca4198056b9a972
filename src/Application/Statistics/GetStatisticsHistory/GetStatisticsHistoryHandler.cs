using InfiniteSecurity.Application.Common;
using InfiniteSecurity.Application.Statistics.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Statistics.GetStatisticsHistory;

/// <summary>
/// Reads the per-minute counter rows of the range and sums them into buckets here: one provider-neutral query, at most
/// 1,440 rows per day of range, and the empty buckets come from the range, not from the data.
/// </summary>
internal sealed class GetStatisticsHistoryHandler(StatisticsQueries queries, TimeProvider time) : IRequestHandler<GetStatisticsHistoryQuery, StatisticsHistory>
{
    public async Task<StatisticsHistory> Handle(GetStatisticsHistoryQuery request, CancellationToken cancellationToken)
    {
        HistoryBucket.TryParse(request.Bucket, out var size);
        var range = Range(request, size, time.GetUtcNow().UtcDateTime);

        var rows = await queries.CountersIn(range.From, range.To)
            .Select(c => new { c.BucketStart, c.Requests, c.Threats, c.Blocked })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sums = rows.GroupBy(r => HistoryBucket.Floor(r.BucketStart, size))
            .ToDictionary(g => g.Key, g => (Requests: g.Sum(r => r.Requests), Threats: g.Sum(r => r.Threats), Blocked: g.Sum(r => r.Blocked)));

        var series = new List<HistoryPoint>((int)range.Count);
        for (var start = range.From; start < range.To; start += size)
        {
            var (requests, threats, blocked) = sums.GetValueOrDefault(start);
            series.Add(new HistoryPoint(start, requests, threats, blocked));
        }

        return new StatisticsHistory(request.Bucket is { Length: > 0 } b ? b : "1h", range.From, range.To, series);
    }

    /// <summary>The aligned range a request covers: from floored, to rounded up to a bucket end; shared with the validator.</summary>
    internal static (DateTime From, DateTime To, long Count) Range(GetStatisticsHistoryQuery request, TimeSpan size, DateTime now)
    {
        var to = Math.Min((UtcQueryTime.AsUtc(request.To) ?? now).Ticks, DateTime.MaxValue.Ticks - (2 * TimeSpan.TicksPerDay));
        to = to % size.Ticks == 0 ? to : to - (to % size.Ticks) + size.Ticks;
        var from = UtcQueryTime.AsUtc(request.From)?.Ticks ?? (to - (GetStatisticsHistoryQuery.DefaultBuckets * size.Ticks));
        from = Math.Max(0, from - (from % size.Ticks));
        var count = to <= from ? 0 : (to - from) / size.Ticks;
        return (new DateTime(from, DateTimeKind.Utc), new DateTime(Math.Max(from, to), DateTimeKind.Utc), count);
    }
}
