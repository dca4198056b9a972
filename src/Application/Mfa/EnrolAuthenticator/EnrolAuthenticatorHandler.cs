using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;

namespace InfiniteSecurity.Application.Mfa.EnrolAuthenticator;

internal sealed class EnrolAuthenticatorHandler(IAppDbContext db, IIdentityService identity, ICallerContext caller, TimeProvider time)
    : IRequestHandler<EnrolAuthenticatorCommand, AuthenticatorEnrolment>
{
    private const string Issuer = "InfiniteSecurity";

    public async Task<AuthenticatorEnrolment> Handle(EnrolAuthenticatorCommand request, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.LoadAsync(db, caller, cancellationToken).ConfigureAwait(false);
        var key = identity.NewAuthenticatorKey();
        user.BeginAuthenticatorEnrolment(key.ProtectedSecret);
        db.Audit(caller, time, AuditEventType.MfaEnrolmentStarted, AuditOutcome.Success, user.UserName, $"user={user.Id}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key.Base32Secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
        return new AuthenticatorEnrolment(key.Base32Secret, uri);
    }
}
