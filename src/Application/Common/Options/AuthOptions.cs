using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Common.Options;

/// <summary>Bound from the <c>Auth</c> configuration section. Defaults are the seed's figures.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public int AccessTokenMinutes { get; set; } = 30;

    public int RefreshTokenDays { get; set; } = 14;

    public int LockoutMaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Failures for one name from all addresses together (within <see cref="LockoutMinutes"/>) after which addresses
    /// that failed must wait a growing delay. It never refuses an address that has not failed (ASVS 6.1.1).
    /// </summary>
    public int LockoutNameCeiling { get; set; } = 20;

    /// <summary>When true an admin without MFA can only enrol an authenticator until MFA is on.</summary>
    public bool RequireMfaForAdmins { get; set; }

    public LockoutPolicy Lockout => new(LockoutMaxFailedAttempts, TimeSpan.FromMinutes(LockoutMinutes));
}
