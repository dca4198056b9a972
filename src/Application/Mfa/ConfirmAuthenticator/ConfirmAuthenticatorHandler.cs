using FluentValidation.Results;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Common;
using MediatR;

namespace InfiniteSecurity.Application.Mfa.ConfirmAuthenticator;

internal sealed class ConfirmAuthenticatorHandler(IAppDbContext db, IIdentityService identity, ICallerContext caller, TimeProvider time)
    : IRequestHandler<ConfirmAuthenticatorCommand, RecoveryCodes>
{
    private const int RecoveryCodeCount = 10;

    public async Task<RecoveryCodes> Handle(ConfirmAuthenticatorCommand request, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.LoadAsync(db, caller, cancellationToken).ConfigureAwait(false);
        if (user.ProtectedAuthenticatorKey is null || user.TwoFactorEnabled)
        {
            throw new DomainException(user.TwoFactorEnabled ? "MFA is already enabled for this account." : "Start enrolment first (POST /api/v1/auth/mfa/enrol).");
        }

        if (!await identity.VerifyAuthenticatorCodeAsync(user, request.Code!).ConfigureAwait(false) || !user.UseAuthenticatorCode(Secrets.Hash(request.Code!), time))
        {
            db.Audit(caller, time, AuditEventType.MfaChallengeFailed, AuditOutcome.Failure, user.UserName, $"user={user.Id} step=enrolment");
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            throw new RequestValidationException([new ValidationFailure("code", "The code does not match the authenticator; check the device's clock and try the current code.")]);
        }

        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => Secrets.NewRecoveryCode()).ToArray();
        user.EnableTwoFactor(codes.Select(Secrets.HashRecoveryCode).ToArray());
        db.Audit(caller, time, AuditEventType.MfaEnabled, AuditOutcome.Success, user.UserName, $"user={user.Id} recovery_codes={codes.Length}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new RecoveryCodes(codes);
    }
}
