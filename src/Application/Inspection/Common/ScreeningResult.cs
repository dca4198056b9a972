using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Application.Inspection.Common;

/// <summary>The verdict on one HTTP request, what to do about it, and the stored threat when it was one.</summary>
public sealed record ScreeningResult(
    Guid RequestId,
    RequestVerdict Verdict,
    Decision Decision,
    Guid? ThreatId,
    DateTime Timestamp)
{
    /// <summary>The rule that decided the verdict: the strongest finding of the winning location, if any.</summary>
    public string? WinningRule => Verdict.Analysis.IsThreat ? Verdict.Analysis.Findings.FirstOrDefault()?.RuleId : null;
}
