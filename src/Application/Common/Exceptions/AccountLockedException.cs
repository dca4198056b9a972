namespace InfiniteSecurity.Application.Common.Exceptions;

/// <summary>Too many failed sign-ins for this user name. Mapped to 423 with <c>Retry-After</c>.</summary>
public sealed class AccountLockedException(TimeSpan retryAfter) : Exception("The account is locked after too many failed sign-ins.")
{
    public TimeSpan RetryAfter { get; } = retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter;
}
