using InfiniteSecurity.Application.Auth.Common;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Auth.LoginWithMfa;

internal sealed class LoginWithMfaHandler(
    IAppDbContext db,
    IIdentityService identity,
    ITokenService tokens,
    SessionIssuer sessions,
    LoginFailures failures,
    ICallerContext caller,
    TimeProvider time)
    : IRequestHandler<LoginWithMfaCommand, AuthTokens>
{
    public async Task<AuthTokens> Handle(LoginWithMfaCommand request, CancellationToken cancellationToken)
    {
        var userId = await tokens.ReadMfaChallengeTokenAsync(request.MfaToken!).ConfigureAwait(false) ?? throw new InvalidCredentialsException();
        var user = await db.Users.FindAsync([userId], cancellationToken).ConfigureAwait(false);
        if (user is null || user.IsDisabled || !user.TwoFactorEnabled)
        {
            throw new InvalidCredentialsException();
        }

        // Only this address's own lockout applies: the password step already passed from here, and the name's ceiling
        // (failures from elsewhere) must not stop the owner's second factor.
        await failures.ThrowIfRefusedAsync(user.NormalizedUserName, user.UserName, applyNameCeiling: false, cancellationToken).ConfigureAwait(false);
        var usedRecoveryCode = string.IsNullOrEmpty(request.Code);
        var valid = usedRecoveryCode
            ? user.RedeemRecoveryCode(Secrets.HashRecoveryCode(request.RecoveryCode!))
            : await identity.VerifyAuthenticatorCodeAsync(user, request.Code!).ConfigureAwait(false)
              && user.UseAuthenticatorCode(Secrets.Hash(request.Code!), time);
        if (!valid)
        {
            throw await failures.FailAsync(user.NormalizedUserName, user.UserName, AuditEventType.MfaChallengeFailed, usedRecoveryCode ? "wrong_recovery_code" : "wrong_code", cancellationToken).ConfigureAwait(false);
        }

        if (usedRecoveryCode)
        {
            db.Audit(caller, time, AuditEventType.MfaRecoveryCodeUsed, AuditOutcome.Success, user.UserName, $"user={user.Id} left={user.RecoveryCodesLeft}");
        }

        user.RegisterSuccessfulLogin(time);
        var issued = sessions.Start(user);
        db.Audit(caller, time, AuditEventType.LoginSuccess, AuditOutcome.Success, user.UserName, $"user={user.Id} session={issued.SessionId} mfa={(usedRecoveryCode ? "recovery_code" : "totp")}");
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        await failures.ForgetSourceAsync(user.NormalizedUserName, CancellationToken.None).ConfigureAwait(false);
        return issued;
    }
}
