using System.Diagnostics;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Benchmarks;

/// <summary>Console mode <c>profile "input"</c>: rough per-stage cost (Stopwatch, one thread) to find hot spots.</summary>
internal static class DetectorProfiler
{
    public static int Run(string input)
    {
        const int n = 200_000;
        var analyzer = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()), cacheEntries: 0);
        Time("analyze (total)", n, () => analyzer.Analyze(input));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            analyzer.Analyze(input);
        }

        Console.WriteLine($"allocated per analysis: {(GC.GetAllocatedBytesForCurrentThread() - before) / 1000} B");
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            BenignPrefilter.IsPlainlyBenign(input);
        }

        Console.WriteLine($"allocated per prefilter: {(GC.GetAllocatedBytesForCurrentThread() - before) / 1000} B");
        Time("normalise", n, () => InputNormaliser.Normalise(input));
        Time("prefilter", n, () => BenignPrefilter.IsPlainlyBenign(input));
        Time("statistics", n, () => StatisticalProfile.Of(input));
        var normalised = InputNormaliser.Normalise(input);
        var detectors = typeof(ThreatAnalyzer).GetField("Detectors", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null) as IViewDetector[];
        foreach (var d in detectors!)
        {
            Time(d.GetType().Name, n, () =>
            {
                var c = new FindingCollector();
                foreach (var view in normalised.Views)
                {
                    d.Inspect(view, normalised, c);
                }

                return 0;
            });
        }

        var collector = new FindingCollector();
        foreach (var view in normalised.Views)
        {
            foreach (var d in detectors!)
            {
                d.Inspect(view, normalised, collector);
            }
        }

        Time("score", n, () => ThreatScorer.Score(collector.Findings, normalised, default));
        Time("pipeline replica", n, () =>
        {
            var nn = InputNormaliser.Normalise(input);
            var c = new FindingCollector();
            foreach (var view in nn.Views)
            {
                foreach (var d in detectors!)
                {
                    d.Inspect(view, nn, c);
                }
            }

            return ThreatScorer.Score(c.Findings, nn, default);
        });
        Time("analyze again", n, () => analyzer.Analyze(input));
        return 0;
    }

    private static void Time<T>(string name, int n, Func<T> action)
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
