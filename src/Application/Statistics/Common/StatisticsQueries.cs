using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Statistics;
using InfiniteSecurity.Domain.Threats;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Statistics.Common;

/// <summary>
/// The one place that says what the statistics count. A threat is a detection: repeats of one attack folded into
/// one row (docs/decisions/0023) count as many times as they occurred, so the threat figures are sums of the rows'
/// occurrences, consistent with the stored rows and with the request counters (which count every answered
/// analysis). Requests come from the per-minute counter table, which also counts the benign analyses that leave no row.
/// </summary>
internal sealed class StatisticsQueries(IAppDbContext db)
{
    public IQueryable<Threat> ThreatsIn(DateTime? from, DateTime? to)
    {
        var threats = db.Threats.AsNoTracking();
        if (from is { } f)
        {
            threats = threats.Where(t => t.DetectedAt >= f);
        }

        if (to is { } t2)
        {
            threats = threats.Where(t => t.DetectedAt < t2);
        }

        return threats;
    }

    public IQueryable<RequestCounter> CountersIn(DateTime? from, DateTime? to)
    {
        var counters = db.RequestCounters.AsNoTracking();
        if (from is { } f)
        {
            counters = counters.Where(c => c.BucketStart >= f);
        }

        if (to is { } t)
        {
            counters = counters.Where(c => c.BucketStart < t);
        }

        return counters;
    }

    public Task<int> CountAsync(IQueryable<Threat> threats, CancellationToken cancellationToken) => threats.SumAsync(t => t.Occurrences, cancellationToken);

    public async Task<long> RequestsAsync(DateTime? from, DateTime? to, CancellationToken cancellationToken) =>
        await CountersIn(from, to).SumAsync(c => (long?)c.Requests, cancellationToken).ConfigureAwait(false) ?? 0;

    /// <summary>Threats per value of a column, largest first.</summary>
    public async Task<List<(TKey Key, int Count)>> CountByAsync<TKey>(IQueryable<Threat> threats, System.Linq.Expressions.Expression<Func<Threat, TKey>> key, int? top, CancellationToken cancellationToken)
    {
        var grouped = threats.GroupBy(key).Select(g => new { g.Key, Count = g.Sum(t => t.Occurrences) }).OrderByDescending(g => g.Count);
        var rows = top is { } n ? await grouped.Take(n).ToListAsync(cancellationToken).ConfigureAwait(false) : await grouped.ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (r.Key, r.Count)).ToList();
    }

    /// <summary>
    /// Rule hits: a detection that matched a rule counts once for it (a folded row as often as it occurred). The rule ids are a comma list per row, split here,
    /// streamed so only the counts are held.
    /// </summary>
    public async Task<List<(string RuleId, int Hits)>> TopRulesAsync(IQueryable<Threat> threats, int top, CancellationToken cancellationToken)
    {
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in threats.Select(t => new { t.PatternsMatched, t.Occurrences }).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var rule in row.PatternsMatched.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                hits[rule] = hits.GetValueOrDefault(rule) + row.Occurrences;
            }
        }

        return hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal).Take(top).Select(h => (h.Key, h.Value)).ToList();
    }
}
