using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Sessions.ListActiveSessions;

/// <summary>
/// Keyset paging on (created, id), newest first, as the threat list does: a session started between two requests
/// never shifts the pages that follow, and ended sessions simply drop out.
/// </summary>
internal sealed class ListActiveSessionsHandler(IAppDbContext db, ICallerContext caller, TimeProvider time)
    : IRequestHandler<ListActiveSessionsQuery, ActiveSessionPage>
{
    public async Task<ActiveSessionPage> Handle(ListActiveSessionsQuery request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sessions = db.Sessions.AsNoTracking().Where(s => s.RevokedAt == null && s.ExpiresAt > now);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.User))
        {
            // A name that happens to look like a GUID is still found by name.
            var name = User.Normalize(request.User);
            users = Guid.TryParse(request.User, out var id)
                ? users.Where(u => u.Id == id || u.NormalizedUserName == name)
                : users.Where(u => u.NormalizedUserName == name);
        }

        var joined = sessions.Join(users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, u.UserName });
        var total = await joined.CountAsync(cancellationToken).ConfigureAwait(false);

        if (SessionCursor.TryDecode(request.Cursor, out var cursor))
        {
            var at = new DateTime(cursor!.CreatedAtTicks, DateTimeKind.Utc);
            var after = cursor.Id;
            joined = joined.Where(r => r.Session.CreatedAt < at || (r.Session.CreatedAt == at && r.Session.Id < after));
        }

        // One row more than the page tells whether there is a next page without a second query.
        var rows = await joined
            .OrderByDescending(r => r.Session.CreatedAt).ThenByDescending(r => r.Session.Id)
            .Take(request.PageSize + 1)
            .Select(r => new ActiveSessionView(
                r.Session.Id, r.Session.UserId, r.UserName, r.Session.CreatedAt, r.Session.LastUsedAt, r.Session.ExpiresAt,
                r.Session.IpAddress, r.Session.UserAgent, r.Session.Id == caller.SessionId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var page = rows.Take(request.PageSize).ToList();
        var next = rows.Count > request.PageSize ? new SessionCursor(page[^1].CreatedAt.Ticks, page[^1].Id).Encode() : null;
        return new ActiveSessionPage(page, next, total);
    }
}
