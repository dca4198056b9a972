namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>
/// A machine client: a name, its scopes (<c>analyze</c>, <c>siem:read</c>) and optionally its own API quota in
/// requests per second (omitted: the service-wide machine-client quota).
/// </summary>
public sealed record CreateClientRequest(string? Name, IReadOnlyList<string>? Scopes, int? RequestsPerSecond = null);

/// <summary>A machine client's own API quota in requests per second; null returns it to the service-wide quota.</summary>
public sealed record SetClientQuotaRequest(int? RequestsPerSecond);
