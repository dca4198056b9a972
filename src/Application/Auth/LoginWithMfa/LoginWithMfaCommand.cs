using InfiniteSecurity.Application.Auth.Common;
using MediatR;

namespace InfiniteSecurity.Application.Auth.LoginWithMfa;

/// <summary>Step two of signing in for accounts with MFA: the challenge token and an authenticator or recovery code.</summary>
public sealed record LoginWithMfaCommand(string? MfaToken, string? Code, string? RecoveryCode) : IRequest<AuthTokens>
{
    public override string ToString() => nameof(LoginWithMfaCommand);
}
