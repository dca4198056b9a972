namespace InfiniteSecurity.WebApi.Observability;

/// <summary>
/// Bound from <c>Tracing</c>: where traces go. Without an endpoint no trace is recorded at all (the request span ids
/// still reach the logs and problem+json), so a service without a collector pays nothing for tracing.
/// </summary>
public sealed class TracingOptions
{
    public const string SectionName = "Tracing";

    /// <summary>An OpenTelemetry collector's OTLP/HTTP base address (e.g. <c>http://otel-collector:4318</c>); traces are sent to its <c>/v1/traces</c>.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// The share of requests traced (0..1), unless the caller's <c>traceparent</c> says it is sampled. At gateway rates
    /// every request would be more spans than most collectors want.
    /// </summary>
    public double SampleRatio { get; set; } = 0.1;
}
