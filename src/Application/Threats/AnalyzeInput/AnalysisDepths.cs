using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Application.Threats.AnalyzeInput;

/// <summary>The analysis depths' names on the wire.</summary>
public static class AnalysisDepths
{
    public const string Basic = "basic";
    public const string Standard = "standard";
    public const string Deep = "deep";

    /// <summary>Null (not given) is <see cref="AnalysisDepth.Standard"/>.</summary>
    public static bool TryParse(string? name, out AnalysisDepth depth)
    {
        (var known, depth) = name switch
        {
            null or Standard => (true, AnalysisDepth.Standard),
            Basic => (true, AnalysisDepth.Basic),
            Deep => (true, AnalysisDepth.Deep),
            _ => (false, AnalysisDepth.Standard),
        };
        return known;
    }
}
