using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Auth.GetCurrentUser;

internal sealed class GetCurrentUserHandler(IAppDbContext db, ICallerContext caller, TimeProvider time) : IRequestHandler<GetCurrentUserQuery, UserSummary>
{
    public async Task<UserSummary> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken) =>
        await UserSummary.ForAsync(db, await CurrentUser.LoadAsync(db, caller, cancellationToken).ConfigureAwait(false), time, cancellationToken).ConfigureAwait(false);
}
