namespace InfiniteSecurity.Application.Audit.ListAuditEvents;

public sealed record AuditEventPage(IReadOnlyList<AuditEventView> Items, int Page, int PageSize, int Total);

public sealed record AuditEventView(Guid Id, DateTime OccurredAt, string EventType, string? Actor, string? IpAddress, string? UserAgent, string Outcome, string? Details);
