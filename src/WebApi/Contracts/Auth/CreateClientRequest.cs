namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>A machine client: a name and its scopes (<c>analyze</c>, <c>siem:read</c>).</summary>
public sealed record CreateClientRequest(string? Name, IReadOnlyList<string>? Scopes);
