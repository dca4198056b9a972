using InfiniteSecurity.Application.Threats.AnalyzeInput;
using InfiniteSecurity.Detection;
using InfiniteSecurity.WebApi.Contracts.V1;
using InfiniteSecurity.WebApi.Contracts.V2;

namespace InfiniteSecurity.WebApi.Contracts;

/// <summary>The one place where an analysis result becomes the HTTP contract (STYLE.md rule 7).</summary>
internal static class AnalyzeResponseMapper
{
    public static AnalyzeResponse ToV1(AnalyzeInputResult result) => new()
    {
        RequestId = result.RequestId,
        Analysis = ToView(result),
        Decision = ToView(result.Decision),
        Timestamp = result.Timestamp,
    };

    public static AnalyzeV2Response ToV2(AnalyzeInputResult result) => new()
    {
        RequestId = result.RequestId,
        Analysis = ToView(result),
        Decision = ToView(result.Decision),
        Findings = result.Analysis.Findings.Select(f => new FindingView
        {
            Category = f.Category,
            RuleId = f.RuleId,
            Confidence = f.Confidence,
            View = f.View,
            Start = f.Start,
            Length = f.Length,
            Evidence = f.Evidence,
            Reason = f.Reason,
        }).ToArray(),
        ThreatId = result.ThreatId,
        Timestamp = result.Timestamp,
    };

    public static string ToContract(DecisionAction action) => action switch
    {
        DecisionAction.BlockImmediate => "BLOCK_IMMEDIATE",
        DecisionAction.BlockWithLog => "BLOCK_WITH_LOG",
        DecisionAction.MonitorOnly => "MONITOR_ONLY",
        DecisionAction.AllowWithWarning => "ALLOW_WITH_WARNING",
        _ => "ALLOW",
    };

    private static AnalysisView ToView(AnalyzeInputResult result) => new()
    {
        Threat = result.Analysis.IsThreat,
        Confidence = Math.Round(result.Analysis.Confidence, 4),
        Type = result.Analysis.Category,
        Severity = result.Analysis.Severity.ToString().ToLowerInvariant(),
        Blocked = result.Decision.Blocked,
        RiskScore = result.Analysis.RiskScore,
        PatternsMatched = result.Analysis.PatternsMatched,
    };

    private static DecisionView ToView(Decision decision) => new()
    {
        Action = ToContract(decision.Action),
        AlertLevel = decision.AlertLevel.ToString().ToUpperInvariant(),
        RequiresHumanReview = decision.RequiresHumanReview,
    };
}
