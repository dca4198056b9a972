using BenchmarkDotNet.Attributes;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Benchmarks;

/// <summary>
/// Throughput of one analysis on one thread. Inputs are written here (not taken from the corpus): a short benign
/// sentence, typical attacks of three families, and a 10,000-character mixed input at the API's size limit.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class ThreatAnalyzerBenchmarks
{
    private readonly ThreatAnalyzer _analyzer = new(new DecisionPolicy(new DecisionPolicyOptions()), cacheEntries: 0);
    private string _long = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var sb = new System.Text.StringBuilder();
        while (sb.Length < 10_000)
        {
            sb.Append("Shipping address for order 1234, please leave at the door (side entrance); thanks & regards - O'Neil. ");
        }

        _long = sb.ToString(0, 10_000);
    }

    [Benchmark(Baseline = true)]
    public ThreatAnalysis ShortBenign() => _analyzer.Analyze("Library for parsing configuration files quickly");

    [Benchmark]
    public ThreatAnalysis ShortBenignWithPunctuation() => _analyzer.Analyze("Tom O'Doherty <tom@example.org>, libc6 (>= 2.34) | musl");

    [Benchmark]
    public ThreatAnalysis SqlInjection() => _analyzer.Analyze("1' OR '1'='1' -- ");

    [Benchmark]
    public ThreatAnalysis Xss() => _analyzer.Analyze("<img src=x onerror=alert(document.domain)>");

    [Benchmark]
    public ThreatAnalysis CommandInjection() => _analyzer.Analyze("127.0.0.1; cat /etc/shadow");

    [Benchmark]
    public ThreatAnalysis Long10k() => _analyzer.Analyze(_long);
}
