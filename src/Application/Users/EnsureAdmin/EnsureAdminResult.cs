namespace InfiniteSecurity.Application.Users.EnsureAdmin;

public sealed record EnsureAdminResult(bool Created, string? UserName, string? GeneratedPassword);
