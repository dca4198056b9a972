using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Sessions.ListActiveSessions;

/// <summary>
/// Every user's active sessions, newest first, in keyset pages; <see cref="Cursor"/> is the previous page's
/// <c>next_cursor</c> (with the same filter).
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ListActiveSessionsQuery : IRequest<ActiveSessionPage>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>A user id, or a user name (case-insensitive, exact).</summary>
    public string? User { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    public string? Cursor { get; init; }
}
