using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Audit.ListAuditEvents;

internal sealed class ListAuditEventsHandler(IAppDbContext db) : IRequestHandler<ListAuditEventsQuery, AuditEventPage>
{
    public async Task<AuditEventPage> Handle(ListAuditEventsQuery request, CancellationToken cancellationToken)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrEmpty(request.EventType))
        {
            var type = request.EventType.ToUpperInvariant();
            query = query.Where(e => e.EventType == type);
        }

        if (!string.IsNullOrEmpty(request.Actor))
        {
            query = query.Where(e => e.Actor == request.Actor);
        }

        if (Enum.TryParse<AuditOutcome>(request.Outcome, ignoreCase: true, out var outcome))
        {
            query = query.Where(e => e.Outcome == outcome);
        }

        if (request.From is { } from)
        {
            var fromUtc = AsUtc(from);
            query = query.Where(e => e.OccurredAt >= fromUtc);
        }

        if (request.To is { } to)
        {
            var toUtc = AsUtc(to);
            query = query.Where(e => e.OccurredAt <= toUtc);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(checked((request.Page - 1) * request.PageSize)).Take(request.PageSize)
            .Select(e => new AuditEventView(e.Id, e.OccurredAt, e.EventType, e.Actor, e.IpAddress, e.UserAgent, e.Outcome.ToString(), e.Details))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AuditEventPage(items, request.Page, request.PageSize, total);
    }

    /// <summary>A time without an offset is taken as UTC (the audit trail's own zone), never as the server's local time.</summary>
    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
