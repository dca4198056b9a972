using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Users.Common;

internal static class UserAdministration
{
    public static async Task<User> FindAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Users.FindAsync([id], cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("User", id);

    /// <summary>
    /// Ends every active session of a user (disable, role change). The caller saves, then calls
    /// <see cref="IAccessTokenRevocation.Forget"/> for each id — after the save, so the cache cannot re-learn "active".
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> RevokeAllSessionsAsync(IAppDbContext db, Guid userId, string reason, TimeProvider time, CancellationToken cancellationToken)
    {
        var active = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var session in active)
        {
            session.Revoke(reason, time);
        }

        return active.Select(s => s.Id).ToList();
    }
}
