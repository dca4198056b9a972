using InfiniteSecurity.Domain.Clients;

namespace InfiniteSecurity.Application.Clients.Common;

/// <summary>
/// A machine client as the API shows it (never the secret or its hash). <c>RequestsPerSecond</c> is the client's own
/// quota; null means the service-wide machine-client quota (<c>RateLimiting:MachineClients</c>) applies.
/// </summary>
public sealed record ClientSummary(Guid Id, string ClientId, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime SecretRotatedAt, bool Revoked, int? RequestsPerSecond)
{
    public static ClientSummary From(MachineClient client) =>
        new(client.Id, client.ClientId, client.Name, client.GrantedScopes, client.CreatedAt, client.SecretRotatedAt, client.IsRevoked, client.RequestsPerSecond);
}
