using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Users;

/// <summary>
/// Failed sign-ins for one user name, counted per source address (the hard lockout) and once more for the name as a
/// whole (<see cref="AnySource"/>, the ceiling that only slows down). Kept for every name typed at the login form,
/// whether an account exists or not, so the answers never reveal which names exist — not even after a restart.
/// </summary>
public sealed class SignInThrottle
{
    /// <summary>The <see cref="Source"/> of the row that counts a name's failures from every address.</summary>
    public const string AnySource = "*";

    public const int MaxSourceLength = 64;

    private SignInThrottle()
    {
    }

    public string NormalizedUserName { get; private set; } = string.Empty;
    public string Source { get; private set; } = string.Empty;
    public int FailureCount { get; private set; }
    public DateTime LastFailureAt { get; private set; }

    /// <summary>For a source: locked out until then. For the whole name: sources that failed wait until then.</summary>
    public DateTime? BlockedUntil { get; private set; }

    public static SignInThrottle For(string normalizedUserName, string source) => new()
    {
        NormalizedUserName = Guard.NotBlank(normalizedUserName, "User name", User.MaxUserNameLength),
        Source = Guard.NotBlank(source, "Source", MaxSourceLength),
    };

    public bool IsBlocked(DateTime nowUtc) => BlockedUntil is { } until && until > nowUtc;

    /// <summary>Counts a failure from this source; returns true when it locked the source out (the seed's five in fifteen minutes).</summary>
    public bool RegisterSourceFailure(LockoutPolicy policy, TimeProvider time)
    {
        var now = time.UtcNow();
        if (IsBlocked(now))
        {
            return false;
        }

        StartAgainIfQuiet(now, policy.Duration);
        FailureCount++;
        LastFailureAt = now;
        if (FailureCount < policy.MaxFailedAttempts)
        {
            return false;
        }

        BlockedUntil = now + policy.Duration;
        return true;
    }

    /// <summary>
    /// Counts a failure for the whole name. From the ceiling on, every failure makes the sources that failed wait
    /// longer (1 s, 2 s, 4 s, ... up to the lockout duration); returns true when this failure reached the ceiling.
    /// </summary>
    public bool RegisterNameFailure(LockoutPolicy policy, int ceiling, TimeProvider time)
    {
        var now = time.UtcNow();
        StartAgainIfQuiet(now, policy.Duration);
        FailureCount++;
        LastFailureAt = now;
        if (FailureCount < ceiling)
        {
            return false;
        }

        var seconds = Math.Min(Math.Pow(2, Math.Min(FailureCount - ceiling, 30)), policy.Duration.TotalSeconds);
        BlockedUntil = now + TimeSpan.FromSeconds(seconds);
        return FailureCount == ceiling;
    }

    /// <summary>Failures older than the lockout duration are forgotten: the count starts again.</summary>
    private void StartAgainIfQuiet(DateTime now, TimeSpan duration)
    {
        if (FailureCount > 0 && now - LastFailureAt > duration && !IsBlocked(now))
        {
            FailureCount = 0;
            BlockedUntil = null;
        }
    }
}
