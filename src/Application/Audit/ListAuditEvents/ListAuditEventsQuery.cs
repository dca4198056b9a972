using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Audit.ListAuditEvents;

/// <summary>Audit events, newest first, filtered and paged (admins only).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ListAuditEventsQuery(
    string? EventType,
    string? Actor,
    string? Outcome,
    DateTime? From,
    DateTime? To,
    int Page = 1,
    int PageSize = 50) : IRequest<AuditEventPage>;
