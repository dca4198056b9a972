namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>A new user: name, initial password (policy applies) and role (admin, analyst, user).</summary>
public sealed record CreateUserRequest(string? Username, string? Password, string? Role);
