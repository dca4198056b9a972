namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>RFC 6749 §5.1 access token response.</summary>
public sealed record OAuthTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Scope);
