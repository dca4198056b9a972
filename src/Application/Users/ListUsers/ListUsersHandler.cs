using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Users.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Users.ListUsers;

internal sealed class ListUsersHandler(IAppDbContext db, TimeProvider time) : IRequestHandler<ListUsersQuery, IReadOnlyList<UserSummary>>
{
    public async Task<IReadOnlyList<UserSummary>> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedUserName).ToListAsync(cancellationToken).ConfigureAwait(false);
        var locked = await UserSummary.LockedUntilAsync(db, users.Select(u => u.NormalizedUserName).ToList(), time, cancellationToken).ConfigureAwait(false);
        return users.Select(u => UserSummary.From(u, locked.GetValueOrDefault(u.NormalizedUserName))).ToList();
    }
}
