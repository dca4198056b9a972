using InfiniteSecurity.Application.Auth.Common;

namespace InfiniteSecurity.Application.Auth.Login;

/// <summary>Either the tokens, or (for accounts with MFA) a challenge token for the second step.</summary>
public sealed record LoginResult(AuthTokens? Tokens, string? MfaChallengeToken);
