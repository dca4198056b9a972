using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Common.Security;

/// <summary>The role names used in tokens and policies.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string User = "user";

    public static string NameOf(UserRole role) => role switch
    {
        UserRole.Admin => Admin,
        UserRole.Analyst => Analyst,
        _ => User,
    };

    public static bool TryParse(string? name, out UserRole role)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case Admin: role = UserRole.Admin; return true;
            case Analyst: role = UserRole.Analyst; return true;
            case User: role = UserRole.User; return true;
            default: role = default; return false;
        }
    }
}
