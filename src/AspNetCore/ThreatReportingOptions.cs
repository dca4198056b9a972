namespace InfiniteSecurity.AspNetCore;

/// <summary>
/// Optional reporting of detections to the InfiniteSecurity service (<c>POST {ServiceUrl}/api/v2/inspect</c>), with an
/// OAuth 2.0 client-credentials token from <c>{ServiceUrl}/connect/token</c>. Off while <see cref="ServiceUrl"/> is empty.
/// Reports go through a bounded queue: a full queue drops the report (counted), it never delays the request.
/// </summary>
public sealed class ThreatReportingOptions
{
    /// <summary>Base address of the service, e.g. <c>https://infinitesecurity.internal</c>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>A machine client created in the service (<c>POST /api/v1/clients</c>).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Scope requested with the token (the service's <c>analyze</c> scope by default).</summary>
    public string? Scope { get; set; } = "analyze";

    /// <summary>Reports waiting to be sent; more are dropped and counted in <see cref="Reporting.ThreatReportingStatistics"/>.</summary>
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>Retries of one POST after a transient failure (5xx, 408, 429, timeout, connection error).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base delay of the exponential back-off between retries.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one report, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Request headers whose values are replaced by <c>[redacted]</c> in a report (credentials of the app's users).</summary>
    public List<string> RedactedHeaders { get; set; } = ["Authorization", "Proxy-Authorization"];

    public bool Enabled => !string.IsNullOrWhiteSpace(ServiceUrl);
}
