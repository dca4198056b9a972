using InfiniteSecurity.AspNetCore;
using InfiniteSecurity.AspNetCore.Reporting;
using InfiniteSecurity.Detection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

// In the framework's namespace, as AddAuthentication and friends are, so that Program.cs needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class ThreatDetectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers in-process threat detection: options bound from the configuration section <c>ThreatDetection</c>, then
    /// <paramref name="configure"/>; the engine (an <see cref="IThreatAnalyzer"/> already registered is used instead);
    /// and the background reporter, idle unless <see cref="ThreatDetectionOptions.Reporting"/> names a service.
    /// Add the middleware with <c>app.UseThreatDetection()</c>.
    /// </summary>
    public static IServiceCollection AddThreatDetection(this IServiceCollection services, Action<ThreatDetectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ThreatDetectionOptions>().BindConfiguration(ThreatDetectionOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ThreatDetectionOptions>, ThreatDetectionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IThreatAnalyzer>(sp =>
            new ThreatAnalyzer(new DecisionPolicy(sp.GetRequiredService<IOptions<ThreatDetectionOptions>>().Value.Policy)));

        services.TryAddSingleton<ThreatReportingStatistics>();
        services.TryAddSingleton(sp => new ThreatReportQueue(
            sp.GetRequiredService<IOptions<ThreatDetectionOptions>>().Value.Reporting.QueueCapacity,
            sp.GetRequiredService<ThreatReportingStatistics>()));
        services.TryAddSingleton<ClientCredentialsTokenCache>();
        services.AddHostedService<ThreatReportSender>();

        // Outgoing HTTP goes through a resilience pipeline: a total timeout around exponential retries of transient
        // failures (5xx, 408, 429, connection errors, attempt timeouts) around a timeout per attempt.
        services.AddHttpClient(ThreatReportSender.HttpClientName)
            .AddResilienceHandler("threat-reporting", (pipeline, context) =>
            {
                var reporting = context.ServiceProvider.GetRequiredService<IOptions<ThreatDetectionOptions>>().Value.Reporting;
                pipeline.AddTimeout(reporting.TotalTimeout);
                if (reporting.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = reporting.MaxRetries,
                        Delay = reporting.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(reporting.AttemptTimeout);
            });

        return services;
    }
}
