using System.Diagnostics;
using InfiniteSecurity.Domain.Detection;
using InfiniteSecurity.Domain.Detection.Normalisation;
using InfiniteSecurity.Domain.Detection.Scoring;

namespace InfiniteSecurity.Benchmarks;

/// <summary>Console mode <c>profile "input"</c>: rough per-stage cost (Stopwatch, one thread) to find hot spots.</summary>
internal static class DetectorProfiler
{
    public static int Run(string input)
    {
        const int n = 200_000;
        var analyzer = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()));
        Time("analyze (total)", n, () => analyzer.Analyze(input));
        Time("normalise", n, () => InputNormaliser.Normalise(input));
        Time("prefilter", n, () => BenignPrefilter.IsPlainlyBenign(input));
        Time("statistics", n, () => StatisticalProfile.Of(input));
        var normalised = InputNormaliser.Normalise(input);
        var detectors = typeof(ThreatAnalyzer).GetField("Detectors", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null) as IThreatDetector[];
        foreach (var d in detectors!)
        {
            Time(d.GetType().Name, n, () => d.Inspect(normalised, new FindingCollector()));
        }

        var collector = new FindingCollector();
        foreach (var d in detectors!)
        {
            d.Inspect(normalised, collector);
        }

        Time("score", n, () => ThreatScorer.Score(collector.Findings, normalised, default));
        return 0;
    }

    private static void Time(string name, int n, Action action)
    {
        for (var i = 0; i < 1000; i++)
        {
            action();
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            action();
        }

        Console.WriteLine($"{name,-32} {sw.Elapsed.TotalNanoseconds / n,10:0} ns");
    }
}
