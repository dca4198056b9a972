namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>The refresh token from the last login or refresh; it is used up by this call.</summary>
public sealed record RefreshRequest(string? RefreshToken);
