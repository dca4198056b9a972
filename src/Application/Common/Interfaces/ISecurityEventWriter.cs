using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>
/// Durable, acknowledged writes of threats and audit events. The returned task completes only once the records are
/// committed to the database or, while the database is unreachable, written and flushed to the local spool. When the
/// writer is saturated it throws <see cref="Exceptions.ServiceOverloadedException"/> instead of queueing without bound.
/// </summary>
public interface ISecurityEventWriter
{
    /// <summary>
    /// Writes a threat (if any) with its audit event. Returns the id of the stored threat row that holds it: the
    /// threat's own id, or the id of the earlier row of the same attack its repeat was folded into; null without a threat.
    /// </summary>
    Task<Guid?> WriteAsync(Threat? threat, AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes many threats with their audit events as one unit: they are committed (or spooled) together, in one
    /// transaction, and the task completes once all of them are durable. Returns the stored threat id of each record,
    /// in order (as <see cref="WriteAsync"/>).
    /// </summary>
    Task<IReadOnlyList<Guid>> WriteManyAsync(IReadOnlyList<(Threat Threat, AuditEvent AuditEvent)> records, CancellationToken cancellationToken = default);
}
