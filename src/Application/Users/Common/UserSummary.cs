using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Users.Common;

/// <summary>A user as the API shows it: never a hash, a key or a code.</summary>
public sealed record UserSummary(
    Guid Id,
    string Username,
    string Role,
    bool Disabled,
    bool Locked,
    DateTime? LockedUntil,
    bool MfaEnabled,
    bool MustChangePassword,
    DateTime CreatedAt,
    DateTime? LastLoginAt)
{
    public static UserSummary From(User user, TimeProvider time)
    {
        var locked = user.IsLockedOut(time.GetUtcNow().UtcDateTime);
        return new UserSummary(user.Id, user.UserName, Roles.NameOf(user.Role), user.IsDisabled, locked, locked ? user.LockoutEndsAt : null,
            user.TwoFactorEnabled, user.MustChangePassword, user.CreatedAt, user.LastLoginAt);
    }
}
