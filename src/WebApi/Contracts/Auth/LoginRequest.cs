namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>User name and password.</summary>
public sealed record LoginRequest(string? Username, string? Password);
