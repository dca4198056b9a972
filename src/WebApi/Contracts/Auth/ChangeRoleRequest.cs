namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>The new role: admin, analyst or user.</summary>
public sealed record ChangeRoleRequest(string? Role);
