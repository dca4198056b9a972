using InfiniteSecurity.AspNetCore;
using InfiniteSecurity.AspNetCore.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// In the framework's namespace, as UseAuthentication and friends are, so that Program.cs needs no extra using.
namespace Microsoft.AspNetCore.Builder;

public static class ThreatDetectionApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the threat detection middleware. Its options are a fresh copy of the registered ones (configuration section
    /// <c>ThreatDetection</c> and the <c>AddThreatDetection</c> delegate), changed by <paramref name="configure"/> for this
    /// pipeline only. Place it early — after exception handling and forwarded headers, before the endpoints it protects.
    /// </summary>
    public static IApplicationBuilder UseThreatDetection(this IApplicationBuilder app, Action<ThreatDetectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ApplicationServices;
        if (services.GetService<ThreatReportQueue>() is null)
        {
            throw new InvalidOperationException("UseThreatDetection needs services.AddThreatDetection() in the service registrations.");
        }

        var options = services.GetRequiredService<IOptionsFactory<ThreatDetectionOptions>>().Create(Options.DefaultName);
        if (configure is not null)
        {
            configure(options);
            var result = new ThreatDetectionOptionsValidator().Validate(Options.DefaultName, options);
            if (result.Failed)
            {
                throw new OptionsValidationException(Options.DefaultName, typeof(ThreatDetectionOptions), result.Failures);
            }
        }

        return app.UseMiddleware<ThreatDetectionMiddleware>(options);
    }
}
