using System.Text.Json;
using InfiniteSecurity.AspNetCore.Tests.Infrastructure;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.AspNetCore.Tests;

/// <summary>
/// Real benign browser requests (a fixed sample of <c>../shared/corpus/dev-http.jsonl</c>) replayed byte for byte over
/// Kestrel: what the middleware captures from ASP.NET Core must not make the engine flag a request that the inspector
/// does not flag on the raw message itself.
/// </summary>
public sealed class BenignTrafficReplayTests
{
    /// <summary>Every this many-th request of the corpus is replayed (about 700 of 14,000).</summary>
    private const int Stride = 20;

    private static string CorpusPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfiniteSecurity.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "dev-http.jsonl"));
                if (!File.Exists(path))
                {
                    Assert.Fail($"The benign request corpus is missing: expected it at {path}.");
                }

                return path;
            }
        }

        throw new InvalidOperationException("InfiniteSecurity.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<byte[]> SampledRequests()
    {
        var n = 0;
        foreach (var line in File.ReadLines(CorpusPath()))
        {
            if (n++ % Stride != 0 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            yield return Convert.FromBase64String(json.RootElement.GetProperty("request_b64").GetString()!);
        }
    }

    [Test]
    public async Task Replayed_benign_requests_are_flagged_by_the_middleware_no_more_than_by_the_inspector_on_the_raw_message()
    {
        await using var host = await ProtectedHost.StartAsync(new Dictionary<string, string?> { ["ThreatDetection:Mode"] = "Monitor" });
        var inspector = new RequestInspector(new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions())));
        var flaggedDirectly = new HashSet<string>();
        var sent = 0;
        var unparsable = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        foreach (var raw in SampledRequests())
        {
            HttpRequestData parsed;
            try
            {
                parsed = HttpRequestData.Parse(raw, RequestLimits.Default);
            }
            catch (RequestFormatException)
            {
                unparsable++;
                continue;
            }

            var id = (++sent).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var message = RawHttp.Serialise(parsed, ("X-Replay-Id", id));
            if (inspector.Inspect(HttpRequestData.Parse(message, RequestLimits.Default)).Analysis.IsThreat)
            {
                flaggedDirectly.Add(id);
            }

            await RawHttp.SendAsync(host.BaseAddress, message, timeout.Token);
        }

        var passed = host.Passed.Where(p => p.ReplayId.Length > 0).ToArray();
        var flaggedByMiddleware = passed.Where(p => p.Feature is { IsThreat: true }).Select(p => p.ReplayId).ToHashSet();
        TestContext.Out.WriteLine($"sent {sent} (unparsable {unparsable}), reached the middleware {passed.Length}, " +
                                  $"flagged: inspector {flaggedDirectly.Count}, middleware {flaggedByMiddleware.Count}");

        Assert.That(sent, Is.GreaterThan(500), "the sample did not load");
        Assert.That(passed.Length, Is.GreaterThanOrEqualTo(sent * 95 / 100), "Kestrel refused more than 5% of the replayed requests");
        Assert.That(passed.All(p => p.Feature is { Inspected: true }), Is.True);
        Assert.That(flaggedByMiddleware.Except(flaggedDirectly), Is.Empty, "requests the middleware flagged but the inspector did not on the same message");
    }
}
