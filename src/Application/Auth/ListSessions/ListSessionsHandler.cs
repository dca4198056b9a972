using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Auth.ListSessions;

internal sealed class ListSessionsHandler(IAppDbContext db, ICallerContext caller, TimeProvider time) : IRequestHandler<ListSessionsQuery, IReadOnlyList<SessionSummary>>
{
    public async Task<IReadOnlyList<SessionSummary>> Handle(ListSessionsQuery request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(caller.UserId, out var userId) || caller.ClientId is not null)
        {
            throw new ForbiddenAccessException("Sessions belong to signed-in users.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        return await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new SessionSummary(s.Id, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.IpAddress, s.UserAgent, s.Id == caller.SessionId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
