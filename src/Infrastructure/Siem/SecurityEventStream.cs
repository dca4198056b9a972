using InfiniteSecurity.Application.Siem.Common;
using InfiniteSecurity.Domain.Siem;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Infrastructure.Siem;

/// <summary>
/// Reads security_events in (xact, position) order. On PostgreSQL a row is handed out only when its transaction id
/// is below the xmin of the statement's own snapshot: every transaction below xmin has ended, so no row can later
/// appear before one already handed out, however concurrent writers commit. On SQLite writers are serialised and
/// position is AUTOINCREMENT (never reused), so position order is commit order and xact is always 0; the query
/// then seeks on the primary key alone (a row-value range over (0, position) would make SQLite scan from the start).
/// </summary>
internal sealed class SecurityEventStream(AppDbContext db) : ISecurityEventStream
{
    public async Task<IReadOnlyList<SecurityEvent>> ReadAfterAsync(StreamCursor after, int limit, IReadOnlyCollection<string> types, CancellationToken cancellationToken,
        (DateTime? Since, DateTime? Until) window = default)
    {
        var query = Visible(after);
        if (window.Since is { } since)
        {
            query = query.Where(e => e.OccurredAt >= since);
        }

        if (window.Until is { } until)
        {
            query = query.Where(e => e.OccurredAt < until);
        }

        if (types.Count > 0)
        {
            var wanted = types.ToArray();
            query = query.Where(e => wanted.Contains(e.EventType));
        }

        var ordered = db.Database.IsNpgsql() ? query.OrderBy(e => e.Xact).ThenBy(e => e.Position) : query.OrderBy(e => e.Position);
        return await ordered.Take(limit).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StreamCursor?> HorizonAsync(CancellationToken cancellationToken)
    {
        var horizon = await db.SecurityEventHorizons.AsNoTracking().FirstOrDefaultAsync(h => h.Id == SecurityEventHorizon.SingletonId, cancellationToken)
            .ConfigureAwait(false);
        return horizon is null ? null : new StreamCursor(horizon.Xact, horizon.Position);
    }

    public Task<long> CountAfterAsync(StreamCursor after, CancellationToken cancellationToken) =>
        Visible(after).LongCountAsync(cancellationToken);

    private IQueryable<SecurityEvent> Visible(StreamCursor after) =>
        db.Database.IsNpgsql()
            ? db.SecurityEvents.FromSqlInterpolated(
                $"SELECT * FROM security_events WHERE (xact, position) > ({after.Xact}, {after.Position}) AND xact < pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            : db.SecurityEvents.FromSqlInterpolated(
                $"SELECT * FROM security_events WHERE position > {after.Position}");
}
