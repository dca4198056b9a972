namespace InfiniteSecurity.Application.Common.Exceptions;

/// <summary>The service cannot take more work right now; the client should retry after <see cref="RetryAfter"/>. Mapped to 503.</summary>
public sealed class ServiceOverloadedException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
