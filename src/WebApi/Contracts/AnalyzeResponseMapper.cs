using InfiniteSecurity.Application.Threats.AnalyzeBatch;
using InfiniteSecurity.Application.Threats.AnalyzeInput;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Remediation;
using InfiniteSecurity.WebApi.Contracts.V1;
using InfiniteSecurity.WebApi.Contracts.V2;

namespace InfiniteSecurity.WebApi.Contracts;

/// <summary>The one place where an analysis result becomes the HTTP contract (STYLE.md rule 7).</summary>
internal static class AnalyzeResponseMapper
{
    public static AnalyzeResponse ToV1(AnalyzeInputResult result) => new()
    {
        RequestId = result.RequestId,
        ThreatId = result.ThreatId,
        Analysis = ToView(result),
        Decision = ToView(result.Decision),
        Timestamp = result.Timestamp,
    };

    public static AnalyzeV2Response ToV2(AnalyzeInputResult result, bool includeRecommendations = false) => new()
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
        Recommendations = includeRecommendations ? Recommendations(result.Analysis) : null,
        ThreatId = result.ThreatId,
        Timestamp = result.Timestamp,
    };

    public static AnalyzeBatchResponse ToBatch(AnalyzeBatchResult batch) => new()
    {
        Results = batch.Results.Select(r => r.Result is { } result
            ? new BatchResultView { Id = r.Id, Analysis = ToView(result), Decision = ToView(result.Decision), ThreatId = result.ThreatId }
            : new BatchResultView { Id = r.Id, Error = new BatchItemError { Code = "invalid_input", Detail = r.Error! } }).ToArray(),
    };

    /// <summary>The remediation of each family found, in the order the findings rank the families.</summary>
    private static RecommendationView[] Recommendations(ThreatAnalysis analysis) =>
        analysis.Findings.Select(f => f.Category).Distinct(StringComparer.Ordinal)
            .Select(Remediations.For).OfType<Remediation>()
            .Select(r => new RecommendationView { Family = r.Family, Advice = r.Advice, Reference = r.Reference })
            .ToArray();

    public static string ToContract(DecisionAction action) => action switch
    {
        DecisionAction.BlockImmediate => "BLOCK_IMMEDIATE",
        DecisionAction.BlockWithLog => "BLOCK_WITH_LOG",
        DecisionAction.MonitorOnly => "MONITOR_ONLY",
        DecisionAction.AllowWithWarning => "ALLOW_WITH_WARNING",
        _ => "ALLOW",
    };

    private static AnalysisView ToView(AnalyzeInputResult result) => ToView(result.Analysis, result.Decision);

    /// <summary>The <c>analysis</c> object, shared by analyze and inspect so both keep the same shape.</summary>
    public static AnalysisView ToView(ThreatAnalysis analysis, Decision decision) => new()
    {
        Threat = analysis.IsThreat,
        Confidence = Math.Round(analysis.Confidence, 4),
        Type = analysis.Category,
        Severity = analysis.Severity.ToString().ToLowerInvariant(),
        Blocked = decision.Blocked,
        RiskScore = analysis.RiskScore,
        PatternsMatched = analysis.PatternsMatched,
    };

    public static DecisionView ToView(Decision decision) => new()
    {
        Action = ToContract(decision.Action),
        AlertLevel = decision.AlertLevel.ToString().ToUpperInvariant(),
        RequiresHumanReview = decision.RequiresHumanReview,
    };
}
