using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Users;
using Microsoft.EntityFrameworkCore;

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
    /// <summary><c>locked</c> says that at least one address is locked out of this name now; <c>locked_until</c> is the last of those lockouts.</summary>
    public static UserSummary From(User user, DateTime? lockedUntil) =>
        new(user.Id, user.UserName, Roles.NameOf(user.Role), user.IsDisabled, lockedUntil is not null, lockedUntil,
            user.TwoFactorEnabled, user.MustChangePassword, user.CreatedAt, user.LastLoginAt);

    public static async Task<UserSummary> ForAsync(IAppDbContext db, User user, TimeProvider time, CancellationToken cancellationToken) =>
        From(user, (await LockedUntilAsync(db, [user.NormalizedUserName], time, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(user.NormalizedUserName));

    /// <summary>For each of the names with an address locked out now: when the last of those lockouts ends.</summary>
    public static async Task<Dictionary<string, DateTime?>> LockedUntilAsync(IAppDbContext db, IReadOnlyCollection<string> normalizedNames, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.SignInThrottles.AsNoTracking()
            .Where(t => normalizedNames.Contains(t.NormalizedUserName) && t.Source != SignInThrottle.AnySource && t.BlockedUntil > now)
            .Select(t => new { t.NormalizedUserName, t.BlockedUntil })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.NormalizedUserName).ToDictionary(g => g.Key, g => g.Max(r => r.BlockedUntil));
    }
}
