using Microsoft.Extensions.Options;

namespace InfiniteSecurity.AspNetCore;

/// <summary>Refuses options that would make the middleware silently inspect nothing or report nowhere, at start-up.</summary>
internal sealed class ThreatDetectionOptionsValidator : IValidateOptions<ThreatDetectionOptions>
{
    /// <summary>Upper bound of <see cref="ThreatDetectionOptions.MaxBodyBytes"/>: the body is held in memory while it is inspected.</summary>
    public const int MaxBodyBytesCeiling = 64 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, ThreatDetectionOptions options)
    {
        var errors = new List<string>();
        if (options.MaxBodyBytes is <= 0 or > MaxBodyBytesCeiling)
        {
            errors.Add($"ThreatDetection:MaxBodyBytes must lie between 1 and {MaxBodyBytesCeiling}.");
        }

        errors.AddRange(options.ExcludedPaths.Where(p => !p.StartsWith('/')).Select(p => $"ThreatDetection:ExcludedPaths entry '{p}' must start with '/'."));
        errors.AddRange(options.Exclusions.Where(e => string.IsNullOrWhiteSpace(e.Id) || string.IsNullOrWhiteSpace(e.Location) || e.PathPrefix is null)
            .Select(e => $"ThreatDetection:Exclusions entry '{e.Id}' needs an Id, a PathPrefix and a Location."));

        try
        {
            options.Policy.Validate();
        }
        catch (ArgumentException e)
        {
            errors.Add("ThreatDetection:Policy: " + e.Message);
        }

        var reporting = options.Reporting;
        if (reporting.Enabled)
        {
            if (!Uri.TryCreate(reporting.ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                errors.Add("ThreatDetection:Reporting:ServiceUrl must be an absolute http(s) address.");
            }

            if (string.IsNullOrWhiteSpace(reporting.ClientId) || string.IsNullOrWhiteSpace(reporting.ClientSecret))
            {
                errors.Add("ThreatDetection:Reporting needs ClientId and ClientSecret (a machine client of the service).");
            }

            if (reporting.QueueCapacity <= 0 || reporting.MaxRetries < 0)
            {
                errors.Add("ThreatDetection:Reporting:QueueCapacity must be positive and MaxRetries not negative.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
