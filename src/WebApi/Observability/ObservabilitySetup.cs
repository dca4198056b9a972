using InfiniteSecurity.Application.Common.Telemetry;
using InfiniteSecurity.WebApi.Security;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace InfiniteSecurity.WebApi.Observability;

internal static class ObservabilitySetup
{
    /// <summary>
    /// OpenTelemetry metrics (HTTP server and client, runtime, the service's own meter) exported for a Prometheus
    /// scrape, and traces of the analyze path sent over OTLP/HTTP where a collector is configured
    /// (<c>Tracing:OtlpEndpoint</c>). Without one no tracer is registered: recording spans nobody receives cost about
    /// 4 % of an analyze call's CPU time in a profile. Trace ids reach the logs and problem+json either way.
    /// </summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Options(configuration);
        if (options.Port is <= 0 or > 65535)
        {
            throw new InvalidOperationException("Metrics:Port must be a TCP port (1-65535).");
        }

        var tracing = configuration.GetSection(TracingOptions.SectionName).Get<TracingOptions>() ?? new TracingOptions();
        if (tracing.SampleRatio is < 0 or > 1 || double.IsNaN(tracing.SampleRatio))
        {
            throw new InvalidOperationException("Tracing:SampleRatio must be between 0 and 1.");
        }

        if (tracing.OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException("Tracing:OtlpEndpoint must be an absolute http(s) address, e.g. http://otel-collector:4318.");
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceTelemetry.Name));

        if (tracing.OtlpEndpoint is { } collector)
        {
            telemetry.WithTracing(t => t
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(tracing.SampleRatio)))
                .AddSource(ServiceTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbeOrScrape(http.Request.Path))
                .AddOtlpExporter(o =>
                {
                    o.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
                    o.Endpoint = new Uri(new Uri(collector.AbsoluteUri.TrimEnd('/') + "/"), "v1/traces");
                }));
        }

        if (options.Enabled)
        {
            telemetry.WithMetrics(m => m
                .AddMeter(ServiceTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        }

        return services;
    }

    /// <summary>
    /// On its own port the scrape is answered before authentication and only for connections that arrived on that
    /// port (the local port of the socket, not the Host header a caller chooses). Without a port it is an endpoint
    /// for admins.
    /// </summary>
    public static void UseMetricsEndpoint(this WebApplication app)
    {
        var options = Options(app.Configuration);
        if (!options.Enabled)
        {
            return;
        }

        if (options.Port is { } port)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Connection.LocalPort == port && http.Request.Path == MetricsOptions.Path);
            app.UseWhen(http => http.Connection.LocalPort == port, branch => branch.Run(http =>
            {
                // The metrics port serves nothing else, so the API never becomes reachable through it.
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        }
    }

    public static void MapMetricsEndpoint(this WebApplication app)
    {
        var options = Options(app.Configuration);
        if (options.Enabled && options.Port is null)
        {
            app.MapPrometheusScrapingEndpoint(MetricsOptions.Path).RequireAuthorization(Policies.Admin);
        }
    }

    /// <summary>The URL to add for the metrics port, if one is configured.</summary>
    public static string? MetricsUrl(IConfiguration configuration) =>
        Options(configuration) is { Enabled: true, Port: { } port } ? $"http://*:{port}" : null;

    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsOptions.Path);

    private static MetricsOptions Options(IConfiguration configuration) =>
        configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
}
