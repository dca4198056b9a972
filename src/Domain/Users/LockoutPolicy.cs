namespace InfiniteSecurity.Domain.Users;

/// <summary>The seed's lockout rule: after <see cref="MaxFailedAttempts"/> failures the account locks for <see cref="Duration"/>.</summary>
public sealed record LockoutPolicy(int MaxFailedAttempts, TimeSpan Duration)
{
    public static LockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));
}
