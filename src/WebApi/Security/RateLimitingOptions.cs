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

    /// <summary>The API quota of machine clients (gateways, middleware reporting), instead of the per-user one.</summary>
    public MachineClientRateLimitOptions MachineClients { get; set; } = new();
}

/// <summary>
/// Bound from <c>RateLimiting:MachineClients</c>. A gateway reports for every visitor of the sites behind it, so a
/// person's 100 a minute would throttle it; each machine client gets its own bucket of this size.
/// </summary>
public sealed class MachineClientRateLimitOptions
{
    /// <summary>Sustained API requests per second per machine client.</summary>
    public int PermitsPerSecond { get; set; } = 2000;

    /// <summary>How many at once before the sustained rate applies; unset, one second's worth.</summary>
    public int? Burst { get; set; }
}
