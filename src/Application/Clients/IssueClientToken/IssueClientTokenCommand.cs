using MediatR;

namespace InfiniteSecurity.Application.Clients.IssueClientToken;

/// <summary>
/// OAuth 2.0 client credentials grant (RFC 6749 §4.4). Malformed requests are answered with RFC 6749 error codes
/// (not ValidationProblemDetails), so the handler checks the shape itself instead of a validator.
/// </summary>
public sealed record IssueClientTokenCommand(string? GrantType, string? ClientId, string? ClientSecret, string? Scope) : IRequest<ClientTokenResult>
{
    public override string ToString() => $"{nameof(IssueClientTokenCommand)} {{ ClientId = {ClientId} }}";
}
