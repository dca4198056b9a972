using System.Text.Json.Serialization;
using InfiniteSecurity.Application.Auth.Common;

namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>Bearer tokens. <c>restricted</c> is set when the token may only change the password or enrol MFA.</summary>
public sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    int ExpiresIn,
    string RefreshToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Restricted)
{
    public static TokenResponse From(AuthTokens tokens) => new(tokens.AccessToken, "Bearer", tokens.ExpiresInSeconds, tokens.RefreshToken, tokens.Restriction);
}
