using InfiniteSecurity.Application.Common;
using InfiniteSecurity.Application.Statistics.Common;
using MediatR;

namespace InfiniteSecurity.Application.Statistics.GetStatistics;

internal sealed class GetStatisticsHandler(StatisticsQueries queries) : IRequestHandler<GetStatisticsQuery, StatisticsSummary>
{
    private const int Top = 10;

    public async Task<StatisticsSummary> Handle(GetStatisticsQuery request, CancellationToken cancellationToken)
    {
        var from = UtcQueryTime.AsUtc(request.From);
        var to = UtcQueryTime.AsUtc(request.To);
        var threats = queries.ThreatsIn(from, to);

        var requests = await queries.RequestsAsync(from, to, cancellationToken).ConfigureAwait(false);
        var total = await queries.CountAsync(threats, cancellationToken).ConfigureAwait(false);
        var blocked = await queries.CountAsync(threats.Where(t => t.Blocked), cancellationToken).ConfigureAwait(false);
        var byFamily = await queries.CountByAsync(threats, t => t.Category, null, cancellationToken).ConfigureAwait(false);
        var bySeverity = await queries.CountByAsync(threats, t => t.Severity, null, cancellationToken).ConfigureAwait(false);
        var byAction = await queries.CountByAsync(threats, t => t.Action, null, cancellationToken).ConfigureAwait(false);
        var sources = await queries.CountByAsync(threats.Where(t => t.SourceIp != null), t => t.SourceIp!, Top, cancellationToken).ConfigureAwait(false);
        var rules = await queries.TopRulesAsync(threats, Top, cancellationToken).ConfigureAwait(false);

        return new StatisticsSummary(
            requests,
            total,
            blocked,
            byFamily.ToDictionary(f => f.Key, f => f.Count),
            bySeverity.ToDictionary(s => s.Key.ToString().ToLowerInvariant(), s => s.Count),
            byAction.ToDictionary(a => UpperSnake(a.Key.ToString()), a => a.Count),
            sources.Select(s => new SourceCount(s.Key, s.Count)).ToList(),
            rules.Select(r => new RuleCount(r.RuleId, r.Hits)).ToList(),
            from,
            to);
    }

    private static string UpperSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
