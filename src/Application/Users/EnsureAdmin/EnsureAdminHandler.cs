using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application.Users.EnsureAdmin;

internal sealed class EnsureAdminHandler(IAppDbContext db, IIdentityService identity, IOptions<BootstrapOptions> options, ICallerContext caller, TimeProvider time)
    : IRequestHandler<EnsureAdminCommand, EnsureAdminResult>
{
    public async Task<EnsureAdminResult> Handle(EnsureAdminCommand request, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Role == UserRole.Admin, cancellationToken).ConfigureAwait(false))
        {
            return new EnsureAdminResult(false, null, null);
        }

        var configured = options.Value.AdminPassword;
        var generated = string.IsNullOrEmpty(configured);
        var password = generated ? Secrets.NewPassword() : configured!;
        var user = User.Create(string.IsNullOrWhiteSpace(options.Value.AdminUsername) ? "admin" : options.Value.AdminUsername, UserRole.Admin, time);
        var problems = identity.CheckPasswordPolicy(password, user.UserName);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Bootstrap:AdminPassword does not meet the password policy: {string.Join(" ", problems)}");
        }

        user.SetPassword(identity.HashPassword(user, password), mustChange: generated);
        db.Users.Add(user);
        db.Audit(caller, time, AuditEventType.UserCreated, AuditOutcome.Success, "bootstrap", $"user={user.Id} name={user.UserName} role=admin generated_password={generated}");
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WriteConflictException)
        {
            // Another instance starting at the same moment may have created the admin first (unique user name).
            if (!await db.Users.AsNoTracking().AnyAsync(u => u.Role == UserRole.Admin, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            return new EnsureAdminResult(false, null, null);
        }

        return new EnsureAdminResult(true, user.UserName, generated ? password : null);
    }
}
