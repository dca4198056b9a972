using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>
/// Replays spooled records: rows whose id is already stored are left out (idempotent replay), and replayed threats
/// become rows of their own rather than joining a row stored meanwhile. A replayed threat's id was already given to
/// its callers, so it must exist as a row; and adding it to another row would leave no id behind by which a second
/// replay of the same file could tell it was done.
/// </summary>
internal static class SpoolRecordInserter
{
    public static async Task ReplayAsync(AppDbContext db, IReadOnlyCollection<SpoolRecord> records, CancellationToken cancellationToken)
    {
        var threatIds = records.Where(r => r.Threat is not null).Select(r => r.Threat!.Id).ToList();
        var storedThreats = (await db.Threats.Where(t => threatIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var auditIds = records.Where(r => r.AuditEvent is not null).Select(r => r.AuditEvent!.Id).ToList();
        var storedAudits = (await db.AuditEvents.Where(a => auditIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();

        var missing = new List<SpoolRecord>(records.Count);
        foreach (var record in records)
        {
            var threat = record.Threat is { } t && !storedThreats.Contains(t.Id) ? t : null;
            var audit = record.AuditEvent is { } a && !storedAudits.Contains(a.Id) ? a : null;
            threat?.AggregateUnder(null);
            if (threat is not null || audit is not null)
            {
                missing.Add(new SpoolRecord { Threat = threat, AuditEvent = audit });
            }
        }

        if (missing.Count > 0)
        {
            await BatchCommit.WriteAsync(db, missing, cancellationToken).ConfigureAwait(false);
        }
    }
}
