using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Application.Threats.ListThreats;

/// <summary>How the query-string spellings of the list filters map onto the stored values (one place for validator and handler).</summary>
internal static class ThreatFilterValues
{
    public static bool TrySeverity(string text, out Severity severity) =>
        Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity) && !text.Any(char.IsDigit);

    /// <summary><c>BLOCK_IMMEDIATE</c>, <c>block_immediate</c> and <c>BlockImmediate</c> are one action.</summary>
    public static bool TryAction(string text, out DecisionAction action) =>
        Enum.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out action)
        && Enum.IsDefined(action) && !text.Any(char.IsDigit);

    public static bool TryReview(string text, out ThreatReviewState state) =>
        Enum.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out state)
        && Enum.IsDefined(state) && !text.Any(char.IsDigit);

    public static bool TrySort(string? text, out ThreatSort sort)
    {
        (var known, sort) = text switch
        {
            null or "" or "detected_at" => (true, ThreatSort.DetectedAt),
            "risk_score" => (true, ThreatSort.RiskScore),
            "severity" => (true, ThreatSort.Severity),
            _ => (false, ThreatSort.DetectedAt),
        };
        return known;
    }
}
