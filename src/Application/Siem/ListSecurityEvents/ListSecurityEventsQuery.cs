using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Siem.Formats;
using MediatR;

namespace InfiniteSecurity.Application.Siem.ListSecurityEvents;

/// <summary>
/// The security event stream after a cursor, oldest first. Any signed-in caller as far as this layer goes: the web
/// policy narrows it to analysts, admins and machine clients with <c>siem:read</c>. <c>Types</c> is a comma-separated
/// list of event types (<c>THREAT_DETECTED,LOGIN_FAILED</c>), case-insensitive; empty: all. <c>Since</c> and
/// <c>Until</c> keep events that happened in [since, until) — for pollers that work in time windows; the cursor alone
/// is the gap-free way (an event committed late may carry a time in a window already read).
/// </summary>
[Authorize]
public sealed record ListSecurityEventsQuery(string? Cursor, int Limit = ListSecurityEventsQuery.DefaultLimit, string? Types = null, string Format = SecurityEventFormat.Json, DateTimeOffset? Since = null, DateTimeOffset? Until = null) : IRequest<SecurityEventPage>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public IReadOnlyCollection<string> TypeList =>
        string.IsNullOrWhiteSpace(Types)
            ? []
            : Types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToUpperInvariant()).Distinct().ToArray();
}
