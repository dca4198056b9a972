using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using InfiniteSecurity.Domain.Audit;
using MediatR;

namespace InfiniteSecurity.Application.Users.ResetUserMfa;

internal sealed class ResetUserMfaHandler(IAppDbContext db, IAccessTokenRevocation revocation, ICallerContext caller, TimeProvider time)
    : IRequestHandler<ResetUserMfaCommand, UserSummary>
{
    public async Task<UserSummary> Handle(ResetUserMfaCommand request, CancellationToken cancellationToken)
    {
        var user = await UserAdministration.FindAsync(db, request.UserId, cancellationToken).ConfigureAwait(false);
        user.DisableTwoFactor();

        // Whoever holds a session may have been the reason for the reset: end them all.
        var revoked = await UserAdministration.RevokeAllSessionsAsync(db, user.Id, "mfa_reset", time, cancellationToken).ConfigureAwait(false);
        db.Audit(caller, time, AuditEventType.MfaReset, AuditOutcome.Success, null, $"user={user.Id} sessions_revoked={revoked.Count}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in revoked)
        {
            revocation.Forget(id);
        }

        return await UserSummary.ForAsync(db, user, time, cancellationToken).ConfigureAwait(false);
    }
}
