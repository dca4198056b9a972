using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Application.Common.Options;

/// <summary>Bound from <c>Detection:Requests</c>: the bounds on the work one inspected request may cost.</summary>
public sealed class RequestInspectionOptions
{
    public const string SectionName = "Detection:Requests";

    /// <summary>Largest body inspected, in bytes; a larger body is not analysed and a problem says so.</summary>
    public int MaxBodyBytes { get; set; } = RequestLimits.Default.MaxBodyBytes;

    /// <summary>Most located values (and header lines) taken from one request.</summary>
    public int MaxValues { get; set; } = RequestLimits.Default.MaxValues;

    /// <summary>Deepest JSON/XML nesting walked.</summary>
    public int MaxDepth { get; set; } = RequestLimits.Default.MaxDepth;

    /// <summary>Most characters handed to the engine for one request, all values together.</summary>
    public int MaxTotalChars { get; set; } = RequestLimits.Default.MaxTotalChars;

    /// <summary>How many analyses of short values the engine remembers (0 turns the memory off).</summary>
    public int AnalysisCacheEntries { get; set; } = Detection.ThreatAnalyzer.DefaultCacheEntries;

    public bool IsValid() =>
        MaxBodyBytes is > 0 and <= 64 * 1024 * 1024 && MaxValues is > 0 and <= 100_000 && MaxDepth is > 0 and <= 256
        && MaxTotalChars is > 0 and <= 50_000_000 && AnalysisCacheEntries is >= 0 and <= 1_000_000;

    public RequestLimits ToLimits() => new(MaxBodyBytes, MaxValues, MaxDepth, MaxTotalChars);
}
