using System.Text;
using System.Text.Json;
using InfiniteSecurity.AspNetCore.Tests.Infrastructure;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.AspNetCore.Tests;

/// <summary>
/// Attack inputs (a fixed sample of <c>../shared/corpus/dev.jsonl</c> and <c>dev-more.jsonl</c>) placed in a query
/// parameter, a form field, a JSON field, a cookie and a header, sent as raw HTTP over Kestrel: the middleware must
/// detect exactly what the inspector detects on the same message, so nothing is lost between the wire and the engine.
/// </summary>
public sealed class AttackPlacementReplayTests
{
    private const int Stride = 25;

    private static IEnumerable<string> SampledAttacks()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "InfiniteSecurity.sln")))
        {
            root = root.Parent;
        }

        Assert.That(root, Is.Not.Null, "InfiniteSecurity.sln not found");
        var n = 0;
        foreach (var file in new[] { "dev.jsonl", "dev-more.jsonl" })
        {
            var path = Path.GetFullPath(Path.Combine(root!.FullName, "..", "shared", "corpus", file));
            if (!File.Exists(path))
            {
                Assert.Fail($"The attack corpus is missing: expected it at {path}.");
            }

            foreach (var line in File.ReadLines(path))
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.GetProperty("label").GetString() == "benign" || n++ % Stride != 0)
                {
                    continue;
                }

                yield return json.RootElement.GetProperty("input").GetString()!;
            }
        }
    }

    private static readonly (string Name, Func<string, HttpRequestData> Build)[] Placements =
    [
        ("query", a => Request("GET", "/search?page=2&q=" + Uri.EscapeDataString(a), [], null, "")),
        ("form", a => Request("POST", "/upload", [], "application/x-www-form-urlencoded", "title=x&note=" + Uri.EscapeDataString(a))),
        ("json", a => Request("POST", "/comments", [], "application/json", JsonSerializer.Serialize(new { author = "a", text = a }))),
        ("cookie", a => Request("GET", "/search?q=x", [("Cookie", "theme=dark; pref=" + Uri.EscapeDataString(a))], null, "")),
        ("header", a => Request("GET", "/search?q=x", [("X-Search-Context", Printable(a) ? a : Uri.EscapeDataString(a))], null, "")),
    ];

    private static bool Printable(string s) => s.All(c => c is >= ' ' and < '\x7f');

    private static HttpRequestData Request(string method, string target, (string, string)[] headers, string? contentType, string body)
    {
        var list = new List<KeyValuePair<string, string>> { new("Host", "127.0.0.1"), new("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"), new("Accept", "*/*") };
        list.AddRange(headers.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2)));
        if (contentType is not null)
        {
            list.Add(new("Content-Type", contentType));
        }

        return new HttpRequestData(method, target, list, Encoding.UTF8.GetBytes(body));
    }

    [Test]
    public async Task Attacks_placed_in_query_form_json_cookie_and_header_are_detected_by_the_middleware_as_by_the_inspector()
    {
        await using var host = await ProtectedHost.StartAsync(new Dictionary<string, string?> { ["ThreatDetection:Mode"] = "Monitor" });
        var inspector = new RequestInspector(new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions())));
        var direct = new Dictionary<string, bool>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var sent = 0;
        foreach (var attack in SampledAttacks())
        {
            foreach (var (name, build) in Placements)
            {
                var id = $"{name}-{++sent}";
                var message = RawHttp.Serialise(build(attack), ("X-Replay-Id", id));
                direct[id] = inspector.Inspect(HttpRequestData.Parse(message, RequestLimits.Default)).Analysis.IsThreat;
                await RawHttp.SendAsync(host.BaseAddress, message, timeout.Token);
            }
        }

        var middleware = host.Passed.Where(p => p.ReplayId.Length > 0).ToDictionary(p => p.ReplayId, p => p.Feature is { IsThreat: true });
        foreach (var (name, _) in Placements)
        {
            var ids = direct.Keys.Where(k => k.StartsWith(name + "-", StringComparison.Ordinal)).ToArray();
            TestContext.Out.WriteLine($"{name,-7} sent {ids.Length}, reached {ids.Count(middleware.ContainsKey)}, " +
                                      $"detected: inspector {ids.Count(k => direct[k])}, middleware {ids.Count(k => middleware.GetValueOrDefault(k))}");
        }

        Assert.That(sent, Is.GreaterThan(1_000), "the sample did not load");
        Assert.That(middleware.Count, Is.GreaterThanOrEqualTo(sent * 98 / 100), "Kestrel refused more than 2% of the requests");
        var differing = middleware.Where(m => m.Value != direct[m.Key]).Select(m => m.Key).ToArray();
        Assert.That(differing, Is.Empty, "requests judged differently by the middleware and by the inspector on the same message");
    }
}
