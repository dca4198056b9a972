using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.AspNetCore;

/// <summary>
/// Options of the in-process threat detection middleware. Bound from the configuration section
/// <see cref="SectionName"/>, then changed by the delegates given to <c>AddThreatDetection</c> and <c>UseThreatDetection</c>.
/// </summary>
public sealed class ThreatDetectionOptions
{
    public const string SectionName = "ThreatDetection";

    /// <summary>Largest body the middleware will inspect (1 MiB unless set).</summary>
    public const int DefaultMaxBodyBytes = 1_048_576;

    /// <summary><see cref="ThreatDetectionMode.Block"/> answers 403 to a block decision; Monitor only logs it.</summary>
    public ThreatDetectionMode Mode { get; set; } = ThreatDetectionMode.Block;

    /// <summary>Body bytes read and inspected per request; see <see cref="OversizedBody"/> for larger bodies.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    public OversizedBodyHandling OversizedBody { get; set; } = OversizedBodyHandling.InspectPrefix;

    /// <summary>Path prefixes never inspected, matched by whole segments and case-insensitively (<c>/health</c> covers <c>/health/live</c>).</summary>
    public List<string> ExcludedPaths { get; set; } = [];

    /// <summary>Rule exclusions by path, location, rule or family, the way a WAF is tuned; silenced findings stay visible in the verdict.</summary>
    public List<DetectionExclusion> Exclusions { get; set; } = [];

    /// <summary>Thresholds of the decision policy (the service's defaults unless set).</summary>
    public DecisionPolicyOptions Policy { get; set; } = new();

    /// <summary>
    /// Called for every request the engine judges a threat (before a block is answered, in both modes). The request
    /// goes on after it returns; an exception it throws is logged and does not change the outcome.
    /// </summary>
    public Func<ThreatDetectionContext, Task>? OnDetection { get; set; }

    /// <summary>Optional reporting of detections to the service.</summary>
    public ThreatReportingOptions Reporting { get; set; } = new();
}
