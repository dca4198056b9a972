using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using InfiniteSecurity.Domain.Audit;
using MediatR;

namespace InfiniteSecurity.Application.Users.UnlockUser;

internal sealed class UnlockUserHandler(IAppDbContext db, ICallerContext caller, TimeProvider time) : IRequestHandler<UnlockUserCommand, UserSummary>
{
    public async Task<UserSummary> Handle(UnlockUserCommand request, CancellationToken cancellationToken)
    {
        var user = await UserAdministration.FindAsync(db, request.UserId, cancellationToken).ConfigureAwait(false);
        user.Unlock();
        db.Audit(caller, time, AuditEventType.UserUnlocked, AuditOutcome.Success, null, $"user={user.Id}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return UserSummary.From(user, time);
    }
}
