namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>The second sign-in step: the <c>mfa_token</c> from login and either a 6-digit <c>code</c> or a <c>recovery_code</c>.</summary>
public sealed record MfaLoginRequest(string? MfaToken, string? Code, string? RecoveryCode);
