using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Flood;

/// <summary>
/// A scanner repeating one attack: every request is answered as usual, but the repeats of one source, input and rule
/// set within the aggregation window are stored as one threat row with an occurrence count, and the SIEM stream
/// still accounts for every one of them.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AttackFloodTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private const int WindowSeconds = 600;
    private readonly ShiftableClock _clock = new();
    private int _sources;

    protected override ApiFactory CreateFactory()
    {
        var factory = new ApiFactory { Provider = Provider, ConfigureServices = s => s.AddSingleton<TimeProvider>(_clock) }.TrustingForwardedFor();
        factory.Settings["Persistence:AggregationWindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return factory;
    }

    /// <summary>A source address of its own per call, so the tests of this fixture never fold into each other's rows.</summary>
    private string NewSource() => $"203.0.113.{Interlocked.Increment(ref _sources)}";

    /// <summary>
    /// Moves the clock to a few seconds into a fresh aggregation window, so a test's requests all fall into it. Tokens
    /// issued before the move may have expired on the new clock, so clients are signed in after it.
    /// </summary>
    private void StartOfNextWindow()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var window = TimeSpan.FromSeconds(WindowSeconds).Ticks;
        _clock.Advance(TimeSpan.FromTicks(window - (now.Ticks % window)) + TimeSpan.FromSeconds(2));
    }

    private static async Task<JsonNode> AnalyzeAsync(HttpClient client, string input, string sourceIp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/analyze") { Content = JsonContent.Create(new { input }) };
        request.Headers.Add("X-Forwarded-For", sourceIp);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    private Task<List<Threat>> RowsFromAsync(string sourceIp) =>
        Factory.QueryAsync(db => db.Threats.AsNoTracking().Where(t => t.SourceIp == sourceIp).OrderBy(t => t.Id).ToListAsync());

    [Test]
    public async Task Five_hundred_identical_attacks_from_one_source_are_stored_as_one_threat_with_500_occurrences()
    {
        StartOfNextWindow();
        using var user = await Factory.CreateUserClientAsync("user");
        var source = NewSource();
        var threatIds = new ConcurrentBag<string>();
        var verdicts = new ConcurrentBag<bool>();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= 500)
            {
                var body = await AnalyzeAsync(user, "f' OR 'z'='z' --", source);
                verdicts.Add(body["analysis"]!["threat"]!.GetValue<bool>());
                threatIds.Add(body["threat_id"]?.GetValue<string>() ?? "none");
            }
        }));

        var rows = await RowsFromAsync(source);
        Assert.Multiple(() =>
        {
            Assert.That(verdicts, Has.Count.EqualTo(500).And.All.True);
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0].Occurrences, Is.EqualTo(500));
            Assert.That(rows[0].FirstSeen, Is.LessThanOrEqualTo(rows[0].LastSeen));
            Assert.That(threatIds.Distinct().ToArray(), Is.EqualTo(new[] { rows[0].Id.ToString() }), "every answer names the stored row");
        });

        using var admin = await Factory.CreateAdminClientAsync();
        using var response = await admin.GetAsync($"/api/v1/threats/{rows[0].Id}");
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(detail["occurrences"]!.GetValue<int>(), Is.EqualTo(500));
        Assert.That(detail["first_seen"], Is.Not.Null);
        Assert.That(detail["last_seen"], Is.Not.Null);

        var list = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/threats?source_ip={source}"))!;
        var item = list["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == rows[0].Id.ToString())!;
        Assert.That(item["occurrences"]!.GetValue<int>(), Is.EqualTo(500));
    }

    [Test]
    public async Task Every_repeat_reaches_the_siem_stream_as_the_first_detection_and_repeat_events_that_add_up()
    {
        StartOfNextWindow();
        using var user = await Factory.CreateUserClientAsync("user");
        var source = NewSource();
        for (var batch = 0; batch < 3; batch++)
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AnalyzeAsync(user, "<script>alert('siem')</script>", source)));
        }

        var row = (await RowsFromAsync(source)).Single();
        using var admin = await Factory.CreateAdminClientAsync();
        using var siem = await Factory.CreateMachineClientAsync(admin, "siem:read");
        var events = await EventsForAsync(siem, row.Id);
        var detected = events.Where(e => e["type"]!.GetValue<string>() == "THREAT_DETECTED").ToList();
        var repeated = events.Where(e => e["type"]!.GetValue<string>() == "THREAT_REPEATED").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(row.Occurrences, Is.EqualTo(60));
            Assert.That(detected, Has.Count.EqualTo(1));
            Assert.That(Count(detected[0], "occurrences") + repeated.Sum(e => Count(e, "added")), Is.EqualTo(60));
            Assert.That(repeated.Select(e => e["id"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(repeated.Count), "each repeat event has an id of its own");
            Assert.That(repeated.Select(e => e["source_ip"]!.GetValue<string>()), Is.All.EqualTo(source));
        });
        if (repeated.Count > 0)
        {
            Assert.That(repeated.Max(e => Count(e, "occurrences")), Is.EqualTo(60), "the last repeat event carries the total");
        }
    }

    [Test]
    public async Task Another_source_or_another_input_is_a_threat_of_its_own()
    {
        StartOfNextWindow();
        using var user = await Factory.CreateUserClientAsync("user");
        var (one, two) = (NewSource(), NewSource());
        await AnalyzeAsync(user, "a' OR 'x'='x' --", one);
        await AnalyzeAsync(user, "a' OR 'x'='x' --", one);
        await AnalyzeAsync(user, "a' OR 'x'='x' --", two);
        await AnalyzeAsync(user, "b' OR 'y'='y' --", one);

        var fromOne = await RowsFromAsync(one);
        var fromTwo = await RowsFromAsync(two);
        Assert.Multiple(() =>
        {
            Assert.That(fromOne.Select(t => t.Occurrences).Order(), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(fromOne.Select(t => t.InputSha256).Distinct().Count(), Is.EqualTo(2));
            Assert.That(fromTwo.Select(t => t.Occurrences), Is.EqualTo(new[] { 1 }));
        });
    }

    [Test]
    public async Task A_repeat_after_the_window_is_stored_as_a_new_threat()
    {
        StartOfNextWindow();
        var source = NewSource();
        using (var user = await Factory.CreateUserClientAsync("user"))
        {
            await AnalyzeAsync(user, "c' OR 'w'='w' --", source);
            await AnalyzeAsync(user, "c' OR 'w'='w' --", source);
        }

        StartOfNextWindow();
        using (var user = await Factory.CreateUserClientAsync("user"))
        {
            await AnalyzeAsync(user, "c' OR 'w'='w' --", source);
        }

        var rows = await RowsFromAsync(source);
        Assert.That(rows.Select(t => t.Occurrences), Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public async Task Statistics_count_every_detection_and_agree_with_the_stored_rows()
    {
        StartOfNextWindow();
        using var user = await Factory.CreateUserClientAsync("user");
        using var admin = await Factory.CreateAdminClientAsync();
        var source = NewSource();
        var before = JsonNode.Parse(await admin.GetStringAsync("/api/v1/stats"))!["threats"]!.GetValue<int>();
        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => AnalyzeAsync(user, "d' OR 'v'='v' --", source)));

        var stats = JsonNode.Parse(await admin.GetStringAsync("/api/v1/stats"))!;
        var stored = await Factory.QueryAsync(db => db.Threats.SumAsync(t => t.Occurrences));
        Assert.Multiple(() =>
        {
            Assert.That(stats["threats"]!.GetValue<int>(), Is.EqualTo(stored));
            Assert.That(stats["threats"]!.GetValue<int>() - before, Is.EqualTo(30));
            Assert.That(stats["top_sources"]!.AsArray().Single(s => s!["source_ip"]!.GetValue<string>() == source)!["threats"]!.GetValue<int>(), Is.EqualTo(30));
        });
    }

    private static int Count(JsonNode e, string name)
    {
        var details = e["details"]!.GetValue<string>();
        var part = details.Split(' ').Single(p => p.StartsWith(name + "=", StringComparison.Ordinal));
        return int.Parse(part[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The stream's threat events for one stored threat (its own and its repeats), read to the end.</summary>
    private static async Task<List<JsonNode>> EventsForAsync(HttpClient siem, Guid threatId)
    {
        var found = new List<JsonNode>();
        var watch = Stopwatch.StartNew();
        var cursor = string.Empty;
        while (true)
        {
            using var response = await siem.GetAsync($"/api/v1/siem/events?cursor={cursor}&limit=1000&types=THREAT_DETECTED,THREAT_REPEATED");
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            var page = JsonNode.Parse(text)!;
            found.AddRange(page["events"]!.AsArray()!.Where(e =>
                e!["id"]!.GetValue<string>() == threatId.ToString()
                || (e["details"]?.GetValue<string>() ?? string.Empty).Contains($"threat={threatId}", StringComparison.OrdinalIgnoreCase))!);
            cursor = page["next_cursor"]!.GetValue<string>();
            if (!page["has_more"]!.GetValue<bool>() || watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                return found;
            }
        }
    }
}
