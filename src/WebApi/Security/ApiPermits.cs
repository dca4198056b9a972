using System.Threading.RateLimiting;

namespace InfiniteSecurity.WebApi.Security;

/// <summary>
/// Takes extra permits from the caller's own API bucket (the global limiter's partition) for a request that carries
/// many units of work, so a batch of n inputs costs what n single calls cost and batching is no way around the limit.
/// </summary>
/// <param name="limiter">The global API limiter, the same instance the rate-limiting middleware uses.</param>
/// <param name="enabled">False when rate limiting is off.</param>
/// <param name="bucketSize">The size of the caller's bucket (a machine client's quota differs from a person's).</param>
public sealed class ApiPermits(PartitionedRateLimiter<HttpContext> limiter, bool enabled, Func<HttpContext, int> bucketSize)
{
    /// <summary>False (with when to retry) when the caller's bucket does not hold <paramref name="permits"/> now.</summary>
    public bool TryAcquire(HttpContext http, int permits, out TimeSpan retryAfter, out string detail)
    {
        retryAfter = TimeSpan.Zero;
        detail = string.Empty;
        if (!enabled || permits <= 0)
        {
            return true;
        }

        var size = bucketSize(http);
        if (permits > size)
        {
            // A bucket never holds more than its size: such a request could never pass, however long it waited.
            retryAfter = TimeSpan.FromMinutes(1);
            detail = $"This call needs {permits + 1} permits, more than the {size} your rate limit allows at once (RateLimiting:Burst, or RateLimiting:MachineClients for machine clients); send smaller batches.";
            return false;
        }

        using var lease = limiter.AttemptAcquire(http, permits);
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        detail = $"Rate limit reached: this call needs {permits + 1} permits; retry after {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.";
        return false;
    }
}
