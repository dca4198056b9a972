using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using InfiniteSecurity.Domain.Audit;
using MediatR;

namespace InfiniteSecurity.Application.Users.EnableUser;

internal sealed class EnableUserHandler(IAppDbContext db, ICallerContext caller, TimeProvider time) : IRequestHandler<EnableUserCommand, UserSummary>
{
    public async Task<UserSummary> Handle(EnableUserCommand request, CancellationToken cancellationToken)
    {
        var user = await UserAdministration.FindAsync(db, request.UserId, cancellationToken).ConfigureAwait(false);
        user.Enable();
        db.Audit(caller, time, AuditEventType.UserEnabled, AuditOutcome.Success, null, $"user={user.Id}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await UserSummary.ForAsync(db, user, time, cancellationToken).ConfigureAwait(false);
    }
}
