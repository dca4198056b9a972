using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Users;

/// <summary>A person who signs in to the service. Failed sign-ins are counted per name and source in <see cref="SignInThrottle"/>, not here.</summary>
public sealed class User
{
    public const int MaxUserNameLength = 64;

    private User()
    {
    }

    public Guid Id { get; private set; }
    public string UserName { get; private set; } = string.Empty;
    public string NormalizedUserName { get; private set; } = string.Empty;
    public UserRole Role { get; private set; }
    public bool IsDisabled { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastLoginAt { get; private set; }

    /// <summary>The password hash in ASP.NET Core Identity's format (PBKDF2); never the password.</summary>
    public string? PasswordHash { get; private set; }

    /// <summary>Set for a generated bootstrap password: the only thing such a login may do is change it.</summary>
    public bool MustChangePassword { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>The TOTP secret encrypted at rest (ASP.NET Core Data Protection); never stored in clear.</summary>
    public string? ProtectedAuthenticatorKey { get; private set; }

    /// <summary>SHA-256 hashes of the unused recovery codes, separated by ';'.</summary>
    public string? RecoveryCodeHashes { get; private set; }

    /// <summary>Hash of the last authenticator code accepted, and when: a code works once (ASVS: TOTP single use).</summary>
    public string? LastAuthenticatorCodeHash { get; private set; }

    public DateTime? LastAuthenticatorCodeAt { get; private set; }

    /// <summary>How long an accepted code is remembered: longer than any code stays valid (±2 steps of 30 s).</summary>
    public static readonly TimeSpan AuthenticatorCodeMemory = TimeSpan.FromMinutes(5);

    public static User Create(string userName, UserRole role, TimeProvider time)
    {
        var name = Guard.NotBlank(userName?.Trim(), "User name", MaxUserNameLength);
        if (name.Any(char.IsControl))
        {
            throw new DomainException("User name must not contain control characters.");
        }

        return new User
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserName = name,
            NormalizedUserName = Normalize(name),
            Role = role,
            CreatedAt = time.UtcNow(),
        };
    }

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    /// <summary>Records a successful sign-in. A disabled account cannot sign in, even with the right password.</summary>
    public void RegisterSuccessfulLogin(TimeProvider time)
    {
        var now = time.UtcNow();
        if (IsDisabled)
        {
            throw new DomainException("A disabled account cannot sign in.");
        }

        LastLoginAt = now;
    }

    public void SetPassword(string passwordHash, bool mustChange)
    {
        PasswordHash = Guard.NotBlank(passwordHash, "Password hash", 1024);
        MustChangePassword = mustChange;
    }

    /// <summary>Replaces the stored hash after a successful login with a weaker (older) hash format.</summary>
    public void UpgradePasswordHash(string passwordHash) => PasswordHash = Guard.NotBlank(passwordHash, "Password hash", 1024);

    /// <summary>Starts (or restarts) authenticator enrolment with a new, encrypted secret. MFA stays off until confirmed.</summary>
    public void BeginAuthenticatorEnrolment(string protectedKey)
    {
        if (TwoFactorEnabled)
        {
            throw new DomainException("MFA is already enabled for this account.");
        }

        ProtectedAuthenticatorKey = Guard.NotBlank(protectedKey, "Authenticator key", 1024);
    }

    /// <summary>Turns MFA on once the user proved the authenticator works; the recovery codes replace any earlier ones.</summary>
    public void EnableTwoFactor(IReadOnlyCollection<string> recoveryCodeHashes)
    {
        if (ProtectedAuthenticatorKey is null)
        {
            throw new DomainException("Enrol an authenticator before enabling MFA.");
        }

        if (TwoFactorEnabled)
        {
            throw new DomainException("MFA is already enabled for this account.");
        }

        if (recoveryCodeHashes.Count == 0 || recoveryCodeHashes.Any(h => string.IsNullOrWhiteSpace(h) || h.Contains(';', StringComparison.Ordinal)))
        {
            throw new DomainException("Recovery code hashes must be non-empty and must not contain ';'.");
        }

        TwoFactorEnabled = true;
        RecoveryCodeHashes = string.Join(';', recoveryCodeHashes);
    }

    public int RecoveryCodesLeft => string.IsNullOrEmpty(RecoveryCodeHashes) ? 0 : RecoveryCodeHashes.Split(';').Length;

    /// <summary>Uses up a recovery code given as its hash; each code works once. Compares in constant time.</summary>
    public bool RedeemRecoveryCode(string codeHash)
    {
        if (!TwoFactorEnabled || string.IsNullOrEmpty(RecoveryCodeHashes))
        {
            return false;
        }

        var hashes = RecoveryCodeHashes.Split(';').ToList();
        var candidate = System.Text.Encoding.ASCII.GetBytes(codeHash);
        var match = -1;
        for (var i = 0; i < hashes.Count; i++)
        {
            if (System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(hashes[i]), candidate))
            {
                match = i;
            }
        }

        if (match < 0)
        {
            return false;
        }

        hashes.RemoveAt(match);
        RecoveryCodeHashes = hashes.Count == 0 ? null : string.Join(';', hashes);
        return true;
    }

    /// <summary>Records an accepted authenticator code; false when the same code was already used recently (a replay).</summary>
    public bool UseAuthenticatorCode(string codeHash, TimeProvider time)
    {
        var now = time.UtcNow();
        if (LastAuthenticatorCodeHash == codeHash && LastAuthenticatorCodeAt is { } at && now - at < AuthenticatorCodeMemory)
        {
            return false;
        }

        LastAuthenticatorCodeHash = Guard.NotBlank(codeHash, "Code hash", 128);
        LastAuthenticatorCodeAt = now;
        return true;
    }

    public void DisableTwoFactor()
    {
        TwoFactorEnabled = false;
        ProtectedAuthenticatorKey = null;
        RecoveryCodeHashes = null;
    }

    public void Disable() => IsDisabled = true;

    public void Enable() => IsDisabled = false;

    public void ChangeRole(UserRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainException($"Unknown role '{role}'.");
        }

        Role = role;
    }
}
