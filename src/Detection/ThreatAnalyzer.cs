using InfiniteSecurity.Detection.Code;
using InfiniteSecurity.Detection.Headers;
using InfiniteSecurity.Detection.Html;
using InfiniteSecurity.Detection.Ldap;
using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Paths;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Detection.Scoring;
using InfiniteSecurity.Detection.Shell;
using InfiniteSecurity.Detection.Sql;
using InfiniteSecurity.Detection.Templates;
using InfiniteSecurity.Detection.Web;
using InfiniteSecurity.Detection.Xml;

namespace InfiniteSecurity.Detection;

/// <summary>
/// The detection engine: normalise into decoded views, run one tokeniser-based detector per attack family, score.
/// Stateless apart from immutable tables, so one instance serves all requests (register it as a singleton).
/// Every stage is linear in the input length; no backtracking regular expression is used anywhere.
/// </summary>
public sealed class ThreatAnalyzer : IThreatAnalyzer
{
    /// <summary>Confidence from which an input counts as a threat.</summary>
    public const double ThreatThreshold = 0.5;

    /// <summary>A family whose best finding reaches this is settled: its detector skips the remaining views.</summary>
    private const double Settled = 0.95;

    private static readonly IViewDetector[] Detectors =
    [
        new LdapInjectionDetector(),
        new SsiInjectionDetector(),
        new XssDetector(),
        new PathTraversalDetector(),
        new XxeDetector(),
        new PrototypePollutionDetector(),
        new HeaderInjectionDetector(),
        new SsrfDetector(),
        new RfiDetector(),
        new OpenRedirectDetector(),
        new CommandInjectionDetector(),
        new CodeInjectionDetector(),
        new Log4ShellDetector(),
        new TemplateInjectionDetector(),
        new SqlInjectionDetector(),
        new XPathInjectionDetector(),
        new NoSqlInjectionDetector(),
    ];


    private readonly DecisionPolicy _policy;
    private readonly IRuleWeights _weights;

    /// <param name="policy">Maps confidence to severity.</param>
    /// <param name="weights">Effective rule weights; the catalogue's base weights when omitted.</param>
    public ThreatAnalyzer(DecisionPolicy policy, IRuleWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _weights = weights ?? CatalogueWeights.Instance;
    }

    public ThreatAnalysis Analyze(string input, BehaviourSignal behaviour = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length == 0 || BenignPrefilter.IsPlainlyBenign(input))
        {
            return ThreatAnalysis.Benign;
        }

        return AnalyzeDecoded(input, behaviour);
    }

    // Kept apart from the fast path so that nothing this method allocates (closures included) is paid by the
    // benign majority that never gets here.
    private ThreatAnalysis AnalyzeDecoded(string input, BehaviourSignal behaviour)
    {
        var normalised = InputNormaliser.Normalise(input);
        var collector = new FindingCollector(_weights);
        foreach (var view in normalised.Views)
        {
            foreach (var detector in Detectors)
            {
                if (collector.Best(detector.Family) < Settled)
                {
                    detector.Inspect(view, normalised, collector);
                }
            }
        }

        if (collector.Findings.Count == 0)
        {
            return ThreatAnalysis.Benign;
        }

        var (category, confidence) = ThreatScorer.Score(collector.Findings, normalised, behaviour);
        var findings = collector.Findings.ToArray();
        Array.Sort(findings, (a, b) => a.Category == category != (b.Category == category) ? (a.Category == category ? -1 : 1) : b.Confidence.CompareTo(a.Confidence));
        var isThreat = confidence >= ThreatThreshold;
        return new ThreatAnalysis(
            isThreat,
            confidence,
            isThreat ? category : ThreatCategory.None,
            _policy.SeverityFor(confidence),
            (int)Math.Round(confidence * 99),
            findings);
    }
}
