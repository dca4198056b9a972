namespace InfiniteSecurity.Application.Clients.Common;

/// <summary>A client and its secret, shown once at creation or rotation; only the secret's hash is stored.</summary>
public sealed record ClientWithSecret(ClientSummary Client, string ClientSecret);
