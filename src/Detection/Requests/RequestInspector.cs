using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// Inspects a whole request: extracts its located values (<see cref="RequestValueExtractor"/>), has the engine
/// analyse each, judges the findings by where they came from (<see cref="ContextPolicy"/>), applies the caller's
/// <see cref="DetectionExclusion"/>s, and returns one verdict. Thread-safe; one instance can serve all requests.
/// </summary>
public sealed class RequestInspector
{
    private readonly IThreatAnalyzer _analyzer;
    private readonly RequestLimits _limits;
    private readonly DecisionPolicy _policy;
    private readonly IRuleWeights _weights;

    public RequestInspector(IThreatAnalyzer analyzer, RequestLimits? limits = null)
        : this(analyzer, limits, null)
    {
    }

    /// <param name="analyzer">The engine.</param>
    /// <param name="limits">Bounds per request; <see cref="RequestLimits.Default"/> when null.</param>
    /// <param name="policy">Maps the verdict's confidence to severity; the default policy when null.</param>
    /// <param name="weights">Effective weights of the position rules (<c>RequestRules</c>); the catalogue's when null.
    /// Pass the same instance the analyzer uses, so tuning reaches both.</param>
    public RequestInspector(IThreatAnalyzer analyzer, RequestLimits? limits, DecisionPolicy? policy, IRuleWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzer = analyzer;
        _limits = limits ?? RequestLimits.Default;
        _policy = policy ?? new DecisionPolicy(new DecisionPolicyOptions());
        _weights = weights ?? CatalogueWeights.Instance;
    }

    /// <summary>The limits this inspector applies.</summary>
    public RequestLimits Limits => _limits;

    public RequestVerdict Inspect(HttpRequestData request, IReadOnlyList<DetectionExclusion>? exclusions = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var extracted = RequestValueExtractor.Extract(request, _limits);
        var applicable = Applicable(exclusions, request, extracted.Path);
        var host = request.Host;
        var counted = new List<LocatedFinding>();
        var excluded = new List<LocatedFinding>();
        ValueVerdict? best = null;
        foreach (var value in extracted.Values)
        {
            var verdict = Judge(value, _analyzer.Analyze(value.Value), host, applicable, excluded);
            if (verdict is null)
            {
                continue;
            }

            counted.AddRange(verdict.Counted);
            if (best is null || verdict.Confidence > best.Confidence)
            {
                best = verdict;
            }
        }

        return new RequestVerdict(Summarise(best, counted), counted, excluded, extracted.Values.Count, extracted.Problems);
    }

    /// <summary>
    /// Judges an analysis of one value by where the caller says it came from, exactly as <see cref="Inspect"/>
    /// judges each value of a request: position checks first, then the context policy per finding.
    /// </summary>
    /// <param name="value">The value with its location; <see cref="RequestValue.Value"/> is what was analysed.</param>
    /// <param name="analysis">The engine's analysis of the value (at whatever depth the caller chose).</param>
    /// <param name="host">The host of the request the value came in, when known (same-site redirects).</param>
    public RequestVerdict JudgeAt(RequestValue value, ThreatAnalysis analysis, string? host = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(analysis);
        var excluded = new List<LocatedFinding>();
        var verdict = Judge(value, analysis, host, [], excluded);
        return verdict is null
            ? new RequestVerdict(ThreatAnalysis.Benign, [], excluded, 1, [])
            : new RequestVerdict(Summarise(verdict, verdict.Counted), verdict.Counted, excluded, 1, []);
    }

    private static List<DetectionExclusion> Applicable(IReadOnlyList<DetectionExclusion>? exclusions, HttpRequestData request, string path)
    {
        var applicable = new List<DetectionExclusion>();
        if (exclusions is null)
        {
            return applicable;
        }

        var host = request.Host;
        foreach (var e in exclusions)
        {
            if (e is not null && e.AppliesTo(request.Method, host, path))
            {
                applicable.Add(e);
            }
        }

        return applicable;
    }

    // One value: the engine's analysis, each finding kept, silenced by the context policy or by an exclusion. The
    // value counts when the engine called it a threat and its strongest counted family still reaches the threshold.
    private ValueVerdict? Judge(RequestValue value, ThreatAnalysis analysis, string? host, List<DetectionExclusion> exclusions, List<LocatedFinding> excluded)
    {
        var location = ContextPolicy.Classify(value);
        var reach = PositionChecks.Check(value, location, _weights);
        if (reach is not null && !(analysis.IsThreat && analysis.Category == reach.Category))
        {
            // The position decides what the engine could not: a break aimed at a header, an operator as a key.
            analysis = analysis.IsThreat
                ? analysis with { Findings = [.. analysis.Findings, reach] }
                : new ThreatAnalysis(true, reach.Confidence, reach.Category, _policy.SeverityFor(reach.Confidence), (int)Math.Round(reach.Confidence * 99), [reach, .. analysis.Findings]);
        }

        if (!analysis.IsThreat)
        {
            return null;
        }

        var counted = new List<LocatedFinding>();
        foreach (var finding in analysis.Findings)
        {
            var by = Exclusion(exclusions, value.Location, finding) ?? ContextSilencer(finding, location, value.Value, host);
            (by is null ? counted : excluded).Add(new LocatedFinding(value.Location, finding, by));
        }

        if (counted.Count == 0)
        {
            return null;
        }

        // The engine's combined confidence stands when its winning family still counts; otherwise the strongest
        // counted finding speaks alone, never above what the engine said.
        var family = counted.Any(f => f.Finding.Category == analysis.Category) ? analysis.Category : counted.MaxBy(f => f.Finding.Confidence)!.Finding.Category;
        var confidence = family == analysis.Category
            ? analysis.Confidence
            : Math.Min(analysis.Confidence, counted.Where(f => f.Finding.Category == family).Max(f => f.Finding.Confidence));
        if (confidence < ThreatAnalyzer.ThreatThreshold)
        {
            excluded.AddRange(counted.Select(f => f with { ExcludedBy = "context:below-threshold" }));
            return null;
        }

        counted.Sort((a, b) => a.Finding.Category == family != (b.Finding.Category == family) ? (a.Finding.Category == family ? -1 : 1) : b.Finding.Confidence.CompareTo(a.Finding.Confidence));
        return new ValueVerdict(family, confidence, counted);
    }

    private static string? Exclusion(List<DetectionExclusion> exclusions, string location, Finding finding)
    {
        foreach (var e in exclusions)
        {
            if (e.Silences(location, finding))
            {
                return e.Id;
            }
        }

        return null;
    }

    private static string? ContextSilencer(Finding finding, LocationClass location, string value, string? host) =>
        ContextPolicy.Silencer(finding, location, value, host) is { } rule ? "context:" + rule : null;

    private ThreatAnalysis Summarise(ValueVerdict? best, List<LocatedFinding> counted)
    {
        if (best is null)
        {
            return ThreatAnalysis.Benign;
        }

        var findings = best.Counted.Select(f => f.Finding).Concat(counted.Where(f => !best.Counted.Contains(f)).Select(f => f.Finding)).ToArray();
        return new ThreatAnalysis(true, best.Confidence, best.Family, _policy.SeverityFor(best.Confidence), (int)Math.Round(best.Confidence * 99), findings);
    }

    private sealed record ValueVerdict(string Family, double Confidence, List<LocatedFinding> Counted);
}
