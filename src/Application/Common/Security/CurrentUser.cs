using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Common.Security;

internal static class CurrentUser
{
    /// <summary>The signed-in user; machine clients and unknown subjects are refused (403).</summary>
    public static async Task<User> LoadAsync(IAppDbContext db, ICallerContext caller, CancellationToken cancellationToken)
    {
        if (caller.ClientId is not null || !Guid.TryParse(caller.UserId, out var id))
        {
            throw new ForbiddenAccessException("This endpoint is for signed-in users, not machine clients.");
        }

        return await db.Users.FindAsync([id], cancellationToken).ConfigureAwait(false)
            ?? throw new ForbiddenAccessException("The signed-in user no longer exists.");
    }
}
