using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Users;

/// <summary>A person who signs in to the service. Holds the lockout state that the login use case drives.</summary>
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
    public int FailedLoginCount { get; private set; }
    public DateTime? LockoutEndsAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastLoginAt { get; private set; }

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

    public bool IsLockedOut(DateTime nowUtc) => LockoutEndsAt is { } end && end > nowUtc;

    /// <summary>Counts a failed sign-in; returns true when this failure locked the account.</summary>
    public bool RegisterFailedLogin(LockoutPolicy policy, TimeProvider time)
    {
        var now = time.UtcNow();
        if (IsLockedOut(now))
        {
            return false;
        }

        if (LockoutEndsAt is not null)
        {
            // A lockout that has run out starts a fresh count.
            LockoutEndsAt = null;
            FailedLoginCount = 0;
        }

        FailedLoginCount++;
        if (FailedLoginCount < policy.MaxFailedAttempts)
        {
            return false;
        }

        LockoutEndsAt = now + policy.Duration;
        return true;
    }

    /// <summary>Records a successful sign-in. A locked or disabled account cannot sign in, even with the right password.</summary>
    public void RegisterSuccessfulLogin(TimeProvider time)
    {
        var now = time.UtcNow();
        if (IsDisabled)
        {
            throw new DomainException("A disabled account cannot sign in.");
        }

        if (IsLockedOut(now))
        {
            throw new DomainException("A locked account cannot sign in until the lockout ends or an admin unlocks it.");
        }

        FailedLoginCount = 0;
        LockoutEndsAt = null;
        LastLoginAt = now;
    }

    public void Unlock()
    {
        FailedLoginCount = 0;
        LockoutEndsAt = null;
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
