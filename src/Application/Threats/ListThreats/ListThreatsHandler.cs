using InfiniteSecurity.Application.Common;
using AutoMapper;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Threats.GetThreat;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Threats;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Threats.ListThreats;

/// <summary>
/// Keyset paging: each page continues strictly after the previous page's last (sort key, id), so rows inserted
/// between two requests never shift what follows (no repeats, no gaps among the rows that were there), and a deep
/// page costs what the first one does.
/// </summary>
internal sealed class ListThreatsHandler(IAppDbContext db, ICallerContext caller, IMapper mapper) : IRequestHandler<ListThreatsQuery, ThreatPage>
{
    public async Task<ThreatPage> Handle(ListThreatsQuery request, CancellationToken cancellationToken)
    {
        var filtered = Filter(ThreatVisibility.VisibleTo(db.Threats.AsNoTracking(), caller), request);
        var total = await filtered.CountAsync(cancellationToken).ConfigureAwait(false);

        ThreatFilterValues.TrySort(request.Sort, out var sort);
        ThreatCursor.TryDecode(request.Cursor, out var cursor);
        var ordered = sort switch
        {
            ThreatSort.RiskScore => ByRiskScore(filtered, cursor),
            ThreatSort.Severity => BySeverity(filtered, cursor),
            _ => ByDetectedAt(filtered, cursor),
        };

        // One row more than the page tells whether there is a next page without a second query.
        var rows = await ordered.Take(request.PageSize + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var page = rows.Take(request.PageSize).ToList();
        var next = rows.Count > request.PageSize ? CursorAfter(page[^1], sort).Encode() : null;
        return new ThreatPage(mapper.Map<List<ThreatView>>(page), next, total);
    }

    private static IQueryable<Threat> Filter(IQueryable<Threat> threats, ListThreatsQuery request)
    {
        if (request.Type is not null)
        {
            threats = threats.Where(t => t.Category == request.Type);
        }

        if (request.Severity is not null && ThreatFilterValues.TrySeverity(request.Severity, out var severity))
        {
            threats = threats.Where(t => t.Severity == severity);
        }

        if (request.Action is not null && ThreatFilterValues.TryAction(request.Action, out var action))
        {
            threats = threats.Where(t => t.Action == action);
        }

        if (request.Review is not null && ThreatFilterValues.TryReview(request.Review, out var review))
        {
            threats = threats.Where(t => t.ReviewState == review);
        }

        if (request.User is not null)
        {
            threats = threats.Where(t => t.UserId == request.User);
        }

        if (request.SourceIp is not null)
        {
            threats = threats.Where(t => t.SourceIp == request.SourceIp);
        }

        if (request.From is { } from)
        {
            var fromUtc = UtcQueryTime.AsUtc(from);
            threats = threats.Where(t => t.DetectedAt >= fromUtc);
        }

        if (request.To is { } to)
        {
            var toUtc = UtcQueryTime.AsUtc(to);
            threats = threats.Where(t => t.DetectedAt < toUtc);
        }

        if (!string.IsNullOrEmpty(request.Q))
        {
            // A bound parameter inside instr/strpos (EF's translation of Contains), so % and _ are plain characters.
            // lower() folds ASCII on SQLite and the full alphabet on PostgreSQL; evidence of attacks is mostly ASCII.
            var needle = request.Q.ToLowerInvariant();
            threats = threats.Where(t => t.Evidence.ToLower().Contains(needle));
        }

        return threats;
    }

    private static IQueryable<Threat> ByDetectedAt(IQueryable<Threat> threats, ThreatCursor? cursor)
    {
        if (cursor is not null)
        {
            var at = new DateTime(cursor.Key, DateTimeKind.Utc);
            var id = cursor.Id;
            threats = threats.Where(t => t.DetectedAt < at || (t.DetectedAt == at && t.Id < id));
        }

        return threats.OrderByDescending(t => t.DetectedAt).ThenByDescending(t => t.Id);
    }

    private static IQueryable<Threat> ByRiskScore(IQueryable<Threat> threats, ThreatCursor? cursor)
    {
        if (cursor is not null)
        {
            var score = (int)Math.Clamp(cursor.Key, int.MinValue, int.MaxValue);
            var id = cursor.Id;
            threats = threats.Where(t => t.RiskScore < score || (t.RiskScore == score && t.Id < id));
        }

        // Ids are version 7 (time-ordered), so equal scores come newest first.
        return threats.OrderByDescending(t => t.RiskScore).ThenByDescending(t => t.Id);
    }

    private static IQueryable<Threat> BySeverity(IQueryable<Threat> threats, ThreatCursor? cursor)
    {
        // Severity is stored by name; its order is the enum's, so the query ranks it explicitly.
        var ranked = threats.Select(t => new
        {
            Threat = t,
            Rank = t.Severity == Severity.Critical ? 3 : t.Severity == Severity.High ? 2 : t.Severity == Severity.Medium ? 1 : 0,
        });
        if (cursor is not null)
        {
            var rank = (int)Math.Clamp(cursor.Key, int.MinValue, int.MaxValue);
            var id = cursor.Id;
            ranked = ranked.Where(r => r.Rank < rank || (r.Rank == rank && r.Threat.Id < id));
        }

        return ranked.OrderByDescending(r => r.Rank).ThenByDescending(r => r.Threat.Id).Select(r => r.Threat);
    }

    private static ThreatCursor CursorAfter(Threat last, ThreatSort sort) => sort switch
    {
        ThreatSort.RiskScore => new ThreatCursor(sort, last.RiskScore, last.Id),
        ThreatSort.Severity => new ThreatCursor(sort, (int)last.Severity, last.Id),
        _ => new ThreatCursor(sort, last.DetectedAt.Ticks, last.Id),
    };
}
