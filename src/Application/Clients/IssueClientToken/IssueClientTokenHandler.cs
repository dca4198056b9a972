using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Clients.IssueClientToken;

internal sealed class IssueClientTokenHandler(IAppDbContext db, ITokenService tokens, ICallerContext caller, TimeProvider time)
    : IRequestHandler<IssueClientTokenCommand, ClientTokenResult>
{
    // A valid-looking hash compared when the client id is unknown, so both paths cost the same.
    private static readonly string DummyHash = Secrets.Hash("not-a-client-secret");

    public async Task<ClientTokenResult> Handle(IssueClientTokenCommand request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.GrantType))
        {
            return ClientTokenResult.Failure(ClientTokenResult.InvalidRequest, "grant_type is required.");
        }

        if (request.GrantType != "client_credentials")
        {
            return ClientTokenResult.Failure(ClientTokenResult.UnsupportedGrantType, "Only the client_credentials grant is supported.");
        }

        if (string.IsNullOrEmpty(request.ClientId) || string.IsNullOrEmpty(request.ClientSecret) || request.ClientId.Length > 64 || request.ClientSecret.Length > 256)
        {
            return ClientTokenResult.Failure(ClientTokenResult.InvalidRequest, "client_id and client_secret are required (form fields or HTTP Basic).");
        }

        var client = await db.MachineClients.SingleOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken).ConfigureAwait(false);
        var secretMatches = Secrets.Matches(request.ClientSecret, client?.SecretHash ?? DummyHash);
        if (client is null || client.IsRevoked || !secretMatches)
        {
            db.Audit(caller, time, AuditEventType.ClientAuthenticationFailed, AuditOutcome.Failure, request.ClientId,
                $"reason={(client is null ? "unknown_client" : client.IsRevoked ? "revoked" : "wrong_secret")}");
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            return ClientTokenResult.Failure(ClientTokenResult.InvalidClient, "Client authentication failed.");
        }

        var granted = client.GrantedScopes;
        var requested = string.IsNullOrWhiteSpace(request.Scope) ? granted : request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var notGranted = requested.Except(granted, StringComparer.Ordinal).ToArray();
        if (notGranted.Length > 0)
        {
            return ClientTokenResult.Failure(ClientTokenResult.InvalidScope, $"Scope not granted to this client: {string.Join(' ', notGranted)}.");
        }

        var token = tokens.CreateClientToken(client, requested);
        db.Audit(caller, time, AuditEventType.ClientTokenIssued, AuditOutcome.Success, client.ClientId, $"client={client.ClientId} scope={string.Join(' ', requested)} jti={token.TokenId}");
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        var expiresIn = (int)Math.Round((token.ExpiresAt - time.GetUtcNow().UtcDateTime).TotalSeconds);
        return new ClientTokenResult(token.Token, expiresIn, string.Join(' ', requested), null, null);
    }
}
