namespace InfiniteSecurity.Application.Clients.IssueClientToken;

/// <summary>Either a token (with the granted scope) or an RFC 6749 error code and description.</summary>
public sealed record ClientTokenResult(string? AccessToken, int ExpiresInSeconds, string? Scope, string? Error, string? ErrorDescription)
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidScope = "invalid_scope";

    public static ClientTokenResult Failure(string error, string description) => new(null, 0, null, error, description);
}
