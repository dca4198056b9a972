namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>RFC 6749 §5.2 error response: <c>error</c> is invalid_request, invalid_client, unsupported_grant_type or invalid_scope.</summary>
public sealed record OAuthErrorResponse(string Error, string? ErrorDescription);
