using System.Text.Json.Serialization;
using InfiniteSecurity.Application.Auth.Login;

namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>
/// Either the tokens (<c>access_token</c>, <c>refresh_token</c>, ...) or, for an account with MFA,
/// <c>mfa_required: true</c> and the <c>mfa_token</c> to send with the code to <c>/api/v1/auth/login/mfa</c>.
/// </summary>
public sealed record LoginResponse(
    bool MfaRequired,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MfaToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AccessToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TokenType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ExpiresIn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Restricted)
{
    public static LoginResponse From(LoginResult result) => result.Tokens is { } t
        ? new(false, null, t.AccessToken, "Bearer", t.ExpiresInSeconds, t.RefreshToken, t.Restriction)
        : new(true, result.MfaChallengeToken, null, null, null, null, null);
}
