using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Mfa.ConfirmAuthenticator;

/// <summary>Prove the authenticator works with a current code; MFA turns on and recovery codes are issued once.</summary>
[Authorize]
public sealed record ConfirmAuthenticatorCommand(string? Code) : IRequest<RecoveryCodes>;
