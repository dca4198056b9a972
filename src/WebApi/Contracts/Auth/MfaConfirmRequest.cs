namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>The current 6-digit code from the authenticator app.</summary>
public sealed record MfaConfirmRequest(string? Code);
