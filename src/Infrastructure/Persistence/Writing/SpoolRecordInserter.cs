using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>Adds a batch of records to a context. With <c>skipExisting</c>, rows whose id is already stored are left out (idempotent replay).</summary>
internal static class SpoolRecordInserter
{
    public static async Task AddAsync(AppDbContext db, IReadOnlyCollection<SpoolRecord> records, bool skipExisting, CancellationToken cancellationToken)
    {
        var threats = records.Where(r => r.Threat is not null).Select(r => r.Threat!).ToList();
        var audits = records.Where(r => r.AuditEvent is not null).Select(r => r.AuditEvent!).ToList();

        if (skipExisting)
        {
            var threatIds = threats.Select(t => t.Id).ToList();
            var storedThreats = await db.Threats.Where(t => threatIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            threats.RemoveAll(t => storedThreats.Contains(t.Id));

            var auditIds = audits.Select(a => a.Id).ToList();
            var storedAudits = await db.AuditEvents.Where(a => auditIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            audits.RemoveAll(a => storedAudits.Contains(a.Id));
        }

        db.Threats.AddRange(threats);
        db.AuditEvents.AddRange(audits);
    }
}
