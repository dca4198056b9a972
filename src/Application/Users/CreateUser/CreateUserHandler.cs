using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Users.CreateUser;

internal sealed class CreateUserHandler(IAppDbContext db, IIdentityService identity, ICallerContext caller, TimeProvider time)
    : IRequestHandler<CreateUserCommand, UserSummary>
{
    public async Task<UserSummary> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        Roles.TryParse(request.Role, out var role);
        var user = User.Create(request.UserName!, role, time);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == user.NormalizedUserName, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainException($"A user named '{user.UserName}' already exists.");
        }

        user.SetPassword(identity.HashPassword(user, request.Password!), mustChange: false);
        db.Users.Add(user);
        db.Audit(caller, time, AuditEventType.UserCreated, AuditOutcome.Success, null, $"user={user.Id} name={user.UserName} role={Roles.NameOf(role)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await UserSummary.ForAsync(db, user, time, cancellationToken).ConfigureAwait(false);
    }
}
