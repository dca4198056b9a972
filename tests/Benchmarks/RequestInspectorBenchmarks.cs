using System.Text;
using BenchmarkDotNet.Attributes;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Benchmarks;

/// <summary>
/// One whole-request inspection per operation on one thread (parse excluded; the service parses once per request
/// too): a browser-like GET with query, cookies and the usual headers, and a JSON POST. Requests are written here.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class RequestInspectorBenchmarks
{
    private static readonly KeyValuePair<string, string>[] BrowserHeaders =
    [
        new("Host", "shop.example.test"),
        new("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
        new("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"),
        new("Accept-Language", "en-GB,en;q=0.9,de;q=0.7"),
        new("Accept-Encoding", "gzip, deflate, br, zstd"),
        new("Cookie", "session=6f1c2a9e0b7d4c3a8e5f; theme=dark; consent=%7B%22ads%22%3Afalse%7D"),
        new("Referer", "https://shop.example.test/catalogue?page=2&sort=price"),
        new("Sec-Fetch-Site", "same-origin"),
    ];

    private readonly RequestInspector _inspector = new(new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions())));

    // The engine without its memory of analyses: every value analysed afresh, as for a client never seen before.
    private readonly RequestInspector _cold = new(new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()), cacheEntries: 0));
    private HttpRequestData _get = null!;
    private HttpRequestData _json = null!;
    private HttpRequestData _attack = null!;

    [GlobalSetup]
    public void Setup()
    {
        _get = new HttpRequestData("GET", "/search?q=winter+boots+size+42&sort=price_asc&page=3&next=%2Faccount%2Forders", BrowserHeaders, ReadOnlyMemory<byte>.Empty);
        _json = new HttpRequestData("POST", "/api/reviews", [.. BrowserHeaders, new("Content-Type", "application/json")],
            Encoding.UTF8.GetBytes("{\"product\":4471,\"rating\":4,\"title\":\"Warm & comfy\",\"text\":\"Fits well (true to size); grip on ice is OK - not great. 4/5.\",\"tags\":[\"winter\",\"boots\"]}"));
        _attack = new HttpRequestData("GET", "/search?q=boots%27%20UNION%20SELECT%20username%2Cpassword%20FROM%20users--%20", BrowserHeaders, ReadOnlyMemory<byte>.Empty);
    }

    internal IEnumerable<(string Name, HttpRequestData Request)> Requests() => [("BrowserGet", _get), ("JsonPost", _json), ("SqlInjectionInQuery", _attack)];

    [Benchmark(Baseline = true)]
    public RequestVerdict BrowserGet() => _inspector.Inspect(_get);

    [Benchmark]
    public RequestVerdict JsonPost() => _inspector.Inspect(_json);

    [Benchmark]
    public RequestVerdict SqlInjectionInQuery() => _inspector.Inspect(_attack);

    [Benchmark]
    public RequestVerdict BrowserGetCold() => _cold.Inspect(_get);

    [Benchmark]
    public RequestVerdict JsonPostCold() => _cold.Inspect(_json);
}
