using InfiniteSecurity.Application.Inspection.Common;
using InfiniteSecurity.Detection.Requests;
using InfiniteSecurity.WebApi.Contracts.V2;

namespace InfiniteSecurity.WebApi.Contracts;

/// <summary>The one place an inspection result becomes the HTTP contract (STYLE.md rule 7).</summary>
internal static class InspectResponseMapper
{
    public static InspectResponse ToResponse(ScreeningResult result) => new()
    {
        RequestId = result.RequestId,
        Analysis = AnalyzeResponseMapper.ToView(result.Verdict.Analysis, result.Decision),
        Decision = AnalyzeResponseMapper.ToView(result.Decision),
        Findings = result.Verdict.Findings.Concat(result.Verdict.Excluded).Select(ToView).ToArray(),
        ValuesInspected = result.Verdict.ValuesInspected,
        Problems = result.Verdict.Problems,
        ThreatId = result.ThreatId,
        Timestamp = result.Timestamp,
    };

    private static LocatedFindingView ToView(LocatedFinding located) => new()
    {
        Location = located.Location,
        RuleId = located.Finding.RuleId,
        Type = located.Finding.Category,
        Confidence = located.Finding.Confidence,
        View = located.Finding.View,
        Start = located.Finding.Start,
        Length = located.Finding.Length,
        Evidence = located.Finding.Evidence,
        Reason = located.Finding.Reason,
        ExcludedBy = located.ExcludedBy,
    };
}
