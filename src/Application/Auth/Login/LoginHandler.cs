using InfiniteSecurity.Application.Auth.Common;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Auth.Login;

internal sealed class LoginHandler(
    IAppDbContext db,
    IIdentityService identity,
    ITokenService tokens,
    SessionIssuer sessions,
    LoginFailures failures,
    ICallerContext caller,
    TimeProvider time)
    : IRequestHandler<LoginCommand, LoginResult>
{
    public async Task<LoginResult> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var userName = request.UserName!.Trim();
        var password = request.Password!;
        var normalized = User.Normalize(userName);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken).ConfigureAwait(false);

        // Same counting (in the database, by name), same hashing cost, same answers for a name without an account:
        // the response never reveals existence.
        await failures.ThrowIfRefusedAsync(normalized, userName, applyNameCeiling: true, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            identity.VerifyAgainstDummyHash(password);
            throw await failures.FailAsync(normalized, userName, AuditEventType.LoginFailed, "unknown_user", cancellationToken).ConfigureAwait(false);
        }

        var verification = user.PasswordHash is null ? PasswordVerification.Failed : identity.VerifyPassword(user, password);
        if (verification == PasswordVerification.Failed || user.IsDisabled)
        {
            var reason = verification == PasswordVerification.Failed ? "wrong_password" : "disabled";
            throw await failures.FailAsync(normalized, userName, AuditEventType.LoginFailed, reason, cancellationToken).ConfigureAwait(false);
        }

        if (verification == PasswordVerification.SuccessRehashNeeded)
        {
            user.UpgradePasswordHash(identity.HashPassword(user, password));
        }

        if (user.TwoFactorEnabled)
        {
            // The failure count is reset only after the second factor, so that knowing the password does not buy
            // unlimited guesses at the code.
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            return new LoginResult(null, tokens.CreateMfaChallengeToken(user));
        }

        user.RegisterSuccessfulLogin(time);
        var issued = sessions.Start(user);
        db.Audit(caller, time, AuditEventType.LoginSuccess, AuditOutcome.Success, user.UserName, $"user={user.Id} session={issued.SessionId}{(issued.Restriction is null ? string.Empty : $" restricted={issued.Restriction}")}");
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        await failures.ForgetSourceAsync(normalized, CancellationToken.None).ConfigureAwait(false);
        return new LoginResult(issued, null);
    }
}
