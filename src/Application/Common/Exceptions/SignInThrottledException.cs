namespace InfiniteSecurity.Application.Common.Exceptions;

/// <summary>
/// This address failed to sign in to a name that is over its ceiling of failures from all addresses: it must wait.
/// Mapped to 429 with <c>Retry-After</c>.
/// </summary>
public sealed class SignInThrottledException(TimeSpan retryAfter) : Exception("Too many failed sign-ins for this name; wait before trying again.")
{
    public TimeSpan RetryAfter { get; } = retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter;
}
