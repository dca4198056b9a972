namespace InfiniteSecurity.WebApi.Contracts.Auth;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
