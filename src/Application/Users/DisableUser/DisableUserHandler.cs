using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.DisableUser;

internal sealed class DisableUserHandler(IAppDbContext db, IAccessTokenRevocation revocation, ICallerContext caller, TimeProvider time)
    : IRequestHandler<DisableUserCommand, UserSummary>
{
    public async Task<UserSummary> Handle(DisableUserCommand request, CancellationToken cancellationToken)
    {
        if (request.UserId.ToString() == caller.UserId)
        {
            throw new DomainException("Admins cannot disable their own account.");
        }

        var user = await UserAdministration.FindAsync(db, request.UserId, cancellationToken).ConfigureAwait(false);
        user.Disable();
        var revoked = await UserAdministration.RevokeAllSessionsAsync(db, user.Id, "user_disabled", time, cancellationToken).ConfigureAwait(false);
        db.Audit(caller, time, AuditEventType.UserDisabled, AuditOutcome.Success, null, $"user={user.Id} sessions_revoked={revoked.Count}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in revoked)
        {
            revocation.Forget(id);
        }

        return await UserSummary.ForAsync(db, user, time, cancellationToken).ConfigureAwait(false);
    }
}
