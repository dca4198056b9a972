using System.Collections.Concurrent;
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


    /// <summary>Default number of remembered analyses (see <see cref="ThreatAnalyzer(DecisionPolicy, IRuleWeights?, int)"/>).</summary>
    public const int DefaultCacheEntries = 4096;

    /// <summary>Longest input whose analysis is remembered: header values, cookies, short parameters.</summary>
    private const int MaxCachedLength = 1024;

    private readonly DecisionPolicy _policy;
    private readonly IRuleWeights _weights;
    private readonly int _cacheEntries;
    private volatile AnalysisCache? _cache;

    /// <param name="policy">Maps confidence to severity.</param>
    /// <param name="weights">Effective rule weights; the catalogue's base weights when omitted.</param>
    /// <param name="cacheEntries">How many analyses of short inputs to remember (0: none). The analysis is a pure
    /// function of the input and the weights, and browsers send the same header values (User-Agent, Accept,
    /// Accept-Language, Referer, cookies) on every request, so most of a request's engine work repeats. Used only
    /// with weights that say when they change (<see cref="CatalogueWeights"/>, <see cref="RuleWeightOverrides"/>);
    /// bounded (emptied when full), and with the framework's randomised string hashing.</param>
    public ThreatAnalyzer(DecisionPolicy policy, IRuleWeights? weights = null, int cacheEntries = DefaultCacheEntries)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(cacheEntries);
        _policy = policy;
        _weights = weights ?? CatalogueWeights.Instance;
        _cacheEntries = _weights is CatalogueWeights or RuleWeightOverrides ? cacheEntries : 0;
    }

    public ThreatAnalysis Analyze(string input, BehaviourSignal behaviour = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length == 0 || BenignPrefilter.IsPlainlyBenign(input))
        {
            return ThreatAnalysis.Benign;
        }

        if (_cacheEntries == 0 || input.Length > MaxCachedLength || behaviour != default)
        {
            return AnalyzeDecoded(input, behaviour);
        }

        var version = WeightsVersion();
        var cache = _cache;
        if (cache is null || cache.Version != version)
        {
            cache = new AnalysisCache(version);
            _cache = cache;
        }

        if (cache.Entries.TryGetValue(input, out var known))
        {
            return known;
        }

        var analysis = AnalyzeDecoded(input, behaviour);

        // Remembered only when the weights did not change while it was computed; emptied when full (bounded memory,
        // and a flood of distinct values costs no more than no cache).
        if (WeightsVersion() == version)
        {
            cache.Remember(input, analysis, _cacheEntries);
        }

        return analysis;
    }

    /// <summary>
    /// Analyses at a chosen depth. Other depths than <see cref="AnalysisDepth.Standard"/> are not remembered: the
    /// cache holds standard results only, so the default path stays as it is.
    /// </summary>
    public ThreatAnalysis Analyze(string input, AnalysisDepth depth, BehaviourSignal behaviour)
    {
        ArgumentNullException.ThrowIfNull(input);
        switch (depth)
        {
            case AnalysisDepth.Standard:
                return Analyze(input, behaviour);
            case AnalysisDepth.Basic:
                return input.Length == 0 || BenignPrefilter.IsPlainlyBenign(input) ? ThreatAnalysis.Benign : AnalyzeDecoded(input, behaviour, depth);
            case AnalysisDepth.Deep:
                return input.Length == 0 ? ThreatAnalysis.Benign : AnalyzeDecoded(input, behaviour, depth);
            default:
                throw new ArgumentOutOfRangeException(nameof(depth), depth, "Unknown analysis depth.");
        }
    }

    private long WeightsVersion() => _weights is RuleWeightOverrides overrides ? overrides.Version : 0;

    private sealed class AnalysisCache(long version)
    {
        // Counted here: ConcurrentDictionary.Count takes every bucket lock, too dear on each miss under load.
        private int _count;

        public long Version { get; } = version;

        public ConcurrentDictionary<string, ThreatAnalysis> Entries { get; } = new(StringComparer.Ordinal);

        public void Remember(string input, ThreatAnalysis analysis, int capacity)
        {
            if (Interlocked.Increment(ref _count) > capacity)
            {
                Entries.Clear();
                Interlocked.Exchange(ref _count, 1);
            }

            Entries.TryAdd(input, analysis);
        }
    }

    // Kept apart from the fast path so that nothing this method allocates (closures included) is paid by the
    // benign majority that never gets here.
    private ThreatAnalysis AnalyzeDecoded(string input, BehaviourSignal behaviour, AnalysisDepth depth = AnalysisDepth.Standard)
    {
        var normalised = InputNormaliser.Normalise(input);
        var collector = new FindingCollector(_weights);
        var settled = depth == AnalysisDepth.Deep ? double.PositiveInfinity : Settled;
        foreach (var view in normalised.Views)
        {
            foreach (var detector in Detectors)
            {
                if (collector.Best(detector.Family) < settled)
                {
                    detector.Inspect(view, normalised, collector);
                    if (depth == AnalysisDepth.Basic && collector.Best(detector.Family) >= ThreatThreshold)
                    {
                        return Score(collector, normalised, behaviour);
                    }
                }
            }
        }

        return Score(collector, normalised, behaviour);
    }

    private ThreatAnalysis Score(FindingCollector collector, NormalisedInput normalised, BehaviourSignal behaviour)
    {

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
