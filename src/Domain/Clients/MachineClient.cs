using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Clients;

/// <summary>
/// A machine client (a gateway, a SIEM) that obtains tokens with OAuth 2.0 client credentials. Only the SHA-256
/// hash of its secret is kept; a revoked client gets no new tokens and its existing tokens are refused.
/// </summary>
public sealed class MachineClient
{
    public const int MaxNameLength = 128;

    /// <summary>The largest own quota a client can be given, in requests per second.</summary>
    public const int MaxRequestsPerSecond = 1_000_000;

    private MachineClient()
    {
    }

    public Guid Id { get; private set; }
    public string ClientId { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public string SecretHash { get; private set; } = string.Empty;

    /// <summary>Granted scopes, space-separated as in OAuth 2.0.</summary>
    public string Scopes { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime SecretRotatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    /// <summary>The client's own API quota in requests per second; null means the service-wide machine-client quota.</summary>
    public int? RequestsPerSecond { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public IReadOnlyList<string> GrantedScopes => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static MachineClient Register(string clientId, string name, IReadOnlyCollection<string> scopes, string secretHash, TimeProvider time, int? requestsPerSecond = null)
    {
        var trimmed = Guard.NotBlank(name?.Trim(), "Client name", MaxNameLength);
        if (trimmed.Any(char.IsControl))
        {
            throw new DomainException("Client name must not contain control characters.");
        }

        var now = time.UtcNow();
        return new MachineClient
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            ClientId = Guard.NotBlank(clientId, "Client id", 64),
            Name = trimmed,
            Scopes = ValidScopes(scopes),
            SecretHash = Guard.NotBlank(secretHash, "Client secret hash", 128),
            CreatedAt = now,
            SecretRotatedAt = now,
            RequestsPerSecond = ValidQuota(requestsPerSecond),
        };
    }

    /// <summary>Gives the client its own quota, or (null) returns it to the service-wide one.</summary>
    public void SetQuota(int? requestsPerSecond)
    {
        if (IsRevoked)
        {
            throw new DomainException("A revoked client has no quota to change.");
        }

        RequestsPerSecond = ValidQuota(requestsPerSecond);
    }

    private static int? ValidQuota(int? requestsPerSecond) => requestsPerSecond switch
    {
        null => null,
        < 1 or > MaxRequestsPerSecond => throw new DomainException($"A client's quota is between 1 and {MaxRequestsPerSecond:N0} requests per second."),
        _ => requestsPerSecond,
    };

    public void RotateSecret(string secretHash, TimeProvider time)
    {
        if (IsRevoked)
        {
            throw new DomainException("A revoked client cannot get a new secret.");
        }

        SecretHash = Guard.NotBlank(secretHash, "Client secret hash", 128);
        SecretRotatedAt = time.UtcNow();
    }

    public void Revoke(TimeProvider time) => RevokedAt ??= time.UtcNow();

    private static string ValidScopes(IReadOnlyCollection<string> scopes)
    {
        if (scopes.Count == 0)
        {
            throw new DomainException("A client needs at least one scope.");
        }

        var unknown = scopes.Where(s => !ClientScope.IsKnown(s)).ToArray();
        if (unknown.Length > 0)
        {
            throw new DomainException($"Unknown scope(s): {string.Join(' ', unknown)}. Known: {string.Join(' ', ClientScope.All)}.");
        }

        return string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }
}
