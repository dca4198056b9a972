namespace InfiniteSecurity.WebApi.Observability;

/// <summary>Bound from <c>Metrics</c>: where the Prometheus scrape endpoint answers.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public const string Path = "/metrics";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A port of its own for <c>/metrics</c>, without authentication, for a scraper inside the cluster (keep the port
    /// off the ingress and behind a network policy). Unset, <c>/metrics</c> is on the API port and admins only; on the
    /// API port it is never anonymous.
    /// </summary>
    public int? Port { get; set; }
}
