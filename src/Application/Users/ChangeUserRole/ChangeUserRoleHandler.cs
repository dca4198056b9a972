using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Users.ChangeUserRole;

internal sealed class ChangeUserRoleHandler(IAppDbContext db, IAccessTokenRevocation revocation, ICallerContext caller, TimeProvider time)
    : IRequestHandler<ChangeUserRoleCommand, UserSummary>
{
    public async Task<UserSummary> Handle(ChangeUserRoleCommand request, CancellationToken cancellationToken)
    {
        Roles.TryParse(request.Role, out var role);
        var user = await UserAdministration.FindAsync(db, request.UserId, cancellationToken).ConfigureAwait(false);
        var before = user.Role;
        if (before == UserRole.Admin && role != UserRole.Admin
            && !await db.Users.AnyAsync(u => u.Role == UserRole.Admin && u.Id != user.Id && !u.IsDisabled, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainException("The last active admin cannot lose the admin role.");
        }

        user.ChangeRole(role);

        // The role is in the access token: end the sessions so no token keeps the old role.
        var revoked = before == role ? [] : await UserAdministration.RevokeAllSessionsAsync(db, user.Id, "role_changed", time, cancellationToken).ConfigureAwait(false);
        db.Audit(caller, time, AuditEventType.RoleChanged, AuditOutcome.Success, null, $"user={user.Id} from={Roles.NameOf(before)} to={Roles.NameOf(role)} sessions_revoked={revoked.Count}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in revoked)
        {
            revocation.Forget(id);
        }

        return await UserSummary.ForAsync(db, user, time, cancellationToken).ConfigureAwait(false);
    }
}
