namespace InfiniteSecurity.WebApi.Security;

/// <summary>Bound from <c>RateLimiting</c>. Seed figures; <c>Enabled=false</c> for load tests.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts (login, MFA step, client token) per minute per IP address.</summary>
    public int LoginPermitsPerMinute { get; set; } = 10;

    /// <summary>Sustained API requests per minute per client (user or machine client; IP when anonymous).</summary>
    public int PermitsPerMinute { get; set; } = 100;

    /// <summary>How many requests a client may send at once before the sustained rate applies.</summary>
    public int Burst { get; set; } = 20;

    /// <summary>
    /// Gate checks (<c>GET /api/v1/gate</c>) per second per client. A gateway asks once for every request of every
    /// visitor, so the per-client API rate would throttle the site behind it; the gate has its own, larger bucket.
    /// </summary>
    public int GatePermitsPerSecond { get; set; } = 500;
}
