namespace InfiniteSecurity.Application.Auth.Common;

/// <summary>What a successful login or refresh returns. The refresh token is shown once; only its hash is stored.</summary>
public sealed record AuthTokens(string AccessToken, int ExpiresInSeconds, string RefreshToken, Guid SessionId, string? Restriction);
