using System.Diagnostics;
using System.Text;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Benchmarks;

/// <summary>Console mode <c>profile-inspect</c>: rough per-stage and per-value cost of the benchmark requests
/// (Stopwatch, one thread): extraction, the engine on each value, and the whole inspection.</summary>
internal static class InspectionProfiler
{
    public static int Run()
    {
        var analyzer = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()), cacheEntries: 0);
        var inspector = new RequestInspector(analyzer);
        var warm = new RequestInspector(new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions())));
        var b = new RequestInspectorBenchmarks();
        b.Setup();
        foreach (var (name, request) in b.Requests())
        {
            Console.WriteLine($"== {name}");
            Time("inspect (total, no analysis cache)", 5_000, () => inspector.Inspect(request));
            Time("inspect (total, analysis cache warm)", 20_000, () => warm.Inspect(request));
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                inspector.Inspect(request);
            }

            Console.WriteLine($"   allocated per inspection: {(GC.GetAllocatedBytesForCurrentThread() - before) / 100} B");
            Time("extract", 5_000, () => RequestValueExtractor.Extract(request));
            var extracted = RequestValueExtractor.Extract(request);
            foreach (var value in extracted.Values)
            {
                Time($"analyze {value.Location} ({value.Value.Length} chars)", 5_000, () => analyzer.Analyze(value.Value));
            }
        }

        return 0;
    }

    private static void Time<T>(string name, int n, Func<T> action)
    {
        for (var i = 0; i < Math.Min(n, 500); i++)
        {
            action();
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            action();
        }

        Console.WriteLine($"   {name,-60} {sw.Elapsed.TotalMicroseconds / n,10:0.00} µs");
    }
}
