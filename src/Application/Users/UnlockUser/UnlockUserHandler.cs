using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Users.UnlockUser;

internal sealed class UnlockUserHandler(IAppDbContext db, ICallerContext caller, TimeProvider time) : IRequestHandler<UnlockUserCommand, UserSummary>
{
    public async Task<UserSummary> Handle(UnlockUserCommand request, CancellationToken cancellationToken)
    {
        var user = await UserAdministration.FindAsync(db, request.UserId, cancellationToken).ConfigureAwait(false);
        // Every address's lockout and the name's ceiling end together.
        var cleared = await db.SignInThrottles.Where(t => t.NormalizedUserName == user.NormalizedUserName).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.Audit(caller, time, AuditEventType.UserUnlocked, AuditOutcome.Success, null, $"user={user.Id} cleared={cleared}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await UserSummary.ForAsync(db, user, time, cancellationToken).ConfigureAwait(false);
    }
}
