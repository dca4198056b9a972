using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>One SaveChanges per request in the request's own context: the baseline the group-commit writer is measured against. It does not fold repeats: every detection is a row.</summary>
internal sealed class DirectWriter(AppDbContext db) : ISecurityEventWriter
{
    public async Task<Guid?> WriteAsync(Threat? threat, AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        if (threat is not null)
        {
            db.Threats.Add(threat);
        }

        db.AuditEvents.Add(auditEvent);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return threat?.Id;
    }

    public async Task<IReadOnlyList<Guid>> WriteManyAsync(IReadOnlyList<(Threat Threat, AuditEvent AuditEvent)> records, CancellationToken cancellationToken = default)
    {
        foreach (var (threat, audit) in records)
        {
            db.Threats.Add(threat);
            db.AuditEvents.Add(audit);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return records.Select(r => r.Threat.Id).ToArray();
    }
}
