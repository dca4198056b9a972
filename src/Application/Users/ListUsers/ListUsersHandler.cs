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
        return users.Select(u => UserSummary.From(u, time)).ToList();
    }
}
