using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Auth.ChangePassword;

internal sealed class ChangePasswordHandler(IAppDbContext db, IIdentityService identity, IAccessTokenRevocation revocation, ICallerContext caller, TimeProvider time)
    : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.LoadAsync(db, caller, cancellationToken).ConfigureAwait(false);
        if (user.PasswordHash is null || identity.VerifyPassword(user, request.CurrentPassword!) == PasswordVerification.Failed)
        {
            db.Audit(caller, time, AuditEventType.UserPasswordChanged, AuditOutcome.Failure, user.UserName, "reason=wrong_current_password");
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            throw new InvalidCredentialsException();
        }

        var problems = identity.CheckPasswordPolicy(request.NewPassword!, user.UserName);
        if (problems.Count > 0)
        {
            throw new RequestValidationException(problems.Select(p => new FluentValidation.Results.ValidationFailure("new_password", p)));
        }

        user.SetPassword(identity.HashPassword(user, request.NewPassword!), mustChange: false);
        var active = await db.Sessions.Where(s => s.UserId == user.Id && s.RevokedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var session in active)
        {
            session.Revoke("password_changed", time);
        }

        db.Audit(caller, time, AuditEventType.UserPasswordChanged, AuditOutcome.Success, user.UserName, $"user={user.Id} sessions_revoked={active.Count}");
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        active.ForEach(s => revocation.Forget(s.Id));
        return Unit.Value;
    }
}
