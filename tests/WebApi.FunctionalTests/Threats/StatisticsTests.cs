using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Threats;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class StatisticsTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private readonly ShiftableClock _clock = new();

    protected override bool SignInAdmin => true;

    protected override ApiFactory CreateFactory() =>
        new ApiFactory { Provider = Provider, ConfigureServices = s => s.AddSingleton<TimeProvider>(_clock) }.TrustingForwardedFor();

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Polls until the condition holds (the counters reach the database about once a second).</summary>
    private static async Task<JsonNode> PollAsync(Func<Task<JsonNode>> read, Func<JsonNode, bool> done, string what)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"{what} did not happen within 30 s; last: {value.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<bool> AnalyzeAsync(HttpClient client, string input, string? sourceIp = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/analyze") { Content = JsonContent.Create(new { input }) };
        if (sourceIp is not null)
        {
            request.Headers.Add("X-Forwarded-For", sourceIp);
        }

        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["analysis"]!["threat"]!.GetValue<bool>();
    }

    [Test]
    public async Task Stats_equal_the_stored_rows_after_a_concurrent_burst_of_attacks_and_benign_requests()
    {
        var before = await GetJsonAsync(Admin, "/api/v1/stats");
        var rowsBefore = await Factory.QueryAsync(db => db.Threats.CountAsync());

        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            clients.Add(await Factory.CreateUserClientAsync("user"));
        }

        var threats = 0;
        await Task.WhenAll(clients.Select(async (client, c) =>
        {
            for (var n = 0; n < 25; n++)
            {
                var attack = n % 2 == 0;
                var input = attack ? $"z' OR 'c{c}n{n}'='c{c}n{n}' --" : $"order {c}-{n} is on its way to the depot";
                if (await AnalyzeAsync(client, input, $"10.5.0.{c + 1}"))
                {
                    Interlocked.Increment(ref threats);
                }
            }
        }));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        var requestsBefore = before["requests"]!.GetValue<long>();
        var after = await PollAsync(() => GetJsonAsync(Admin, "/api/v1/stats"), s => s["requests"]!.GetValue<long>() >= requestsBefore + 200, "200 requests counted");
        var rows = await Factory.QueryAsync(db => db.Threats.CountAsync());
        var blockedRows = await Factory.QueryAsync(db => db.Threats.CountAsync(t => t.Blocked));

        Assert.Multiple(() =>
        {
            Assert.That(threats, Is.GreaterThanOrEqualTo(100), "the attack half was not detected");
            Assert.That(after["requests"]!.GetValue<long>(), Is.EqualTo(requestsBefore + 200));
            Assert.That(after["threats"]!.GetValue<int>(), Is.EqualTo(rows));
            Assert.That(rows - rowsBefore, Is.EqualTo(threats));
            Assert.That(after["blocked"]!.GetValue<int>(), Is.EqualTo(blockedRows));
            Assert.That(after["by_family"]!.AsObject().Sum(f => f.Value!.GetValue<int>()), Is.EqualTo(rows));
            Assert.That(after["by_severity"]!.AsObject().Sum(f => f.Value!.GetValue<int>()), Is.EqualTo(rows));
            Assert.That(after["by_action"]!.AsObject().Sum(f => f.Value!.GetValue<int>()), Is.EqualTo(rows));
            Assert.That(after["top_sources"]!.AsArray().Select(s => s!["source_ip"]!.GetValue<string>()), Has.Member("10.5.0.1"));
            Assert.That(after["top_rules"]!.AsArray().First()!["hits"]!.GetValue<int>(), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task History_places_counts_in_their_buckets_and_keeps_the_empty_ones()
    {
        // Move to the start of a quiet hour of its own (five seconds in), away from anything other tests counted;
        // moved back after, so the fixture's tokens are valid again for the other tests.
        var now = _clock.GetUtcNow().UtcDateTime;
        var first = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc).AddHours(1).AddDays(1);
        var shift = first - now + TimeSpan.FromSeconds(5);
        _clock.Advance(shift);
        try
        {
            await CountsLandInTheirBuckets(first);
        }
        finally
        {
            _clock.Advance(-shift - TimeSpan.FromMinutes(2));
        }
    }

    private async Task CountsLandInTheirBuckets(DateTime first)
    {
        using var analyst = await Factory.CreateUserClientAsync("analyst");
        using var user = await Factory.CreateUserClientAsync("user");
        Assert.That(_clock.GetUtcNow().UtcDateTime - first, Is.LessThan(TimeSpan.FromSeconds(50)), "the setup took too long to stay in the first minute");
        Assert.That(await AnalyzeAsync(user, "u' OR 'h'='h' --"), Is.True);
        Assert.That(await AnalyzeAsync(user, "<script>prompt(5)</script>"), Is.True);
        Assert.That(await AnalyzeAsync(user, "the weather is lovely today"), Is.False);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await AnalyzeAsync(user, "w' OR 'j'='j' --"), Is.True);

        var url = $"/api/v1/stats/history?bucket=1m&from={first:yyyy-MM-ddTHH:mm:ssZ}&to={first.AddMinutes(3):yyyy-MM-ddTHH:mm:ssZ}";
        var history = await PollAsync(() => GetJsonAsync(analyst, url),
            h => h["series"]!.AsArray().Sum(p => p!["requests"]!.GetValue<long>()) >= 4, "the four requests counted");
        var series = history["series"]!.AsArray().Select(p => p!).ToList();

        Assert.That(series.Select(p => p["start"]!.GetValue<DateTime>().ToUniversalTime()), Is.EqualTo(new[] { first, first.AddMinutes(1), first.AddMinutes(2) }));
        Assert.That(series.Select(p => p["requests"]!.GetValue<long>()), Is.EqualTo(new long[] { 3, 0, 1 }));
        Assert.That(series.Select(p => p["threats"]!.GetValue<long>()), Is.EqualTo(new long[] { 2, 0, 1 }));
        Assert.That(series[1]["blocked"]!.GetValue<long>(), Is.Zero);

        var hours = await GetJsonAsync(analyst, $"/api/v1/stats/history?bucket=1h&from={first:yyyy-MM-ddTHH:mm:ssZ}&to={first.AddHours(3):yyyy-MM-ddTHH:mm:ssZ}");
        Assert.That(hours["series"]!.AsArray().Select(p => p!["requests"]!.GetValue<long>()), Is.EqualTo(new long[] { 4, 0, 0 }));

        var windowed = await GetJsonAsync(analyst, $"/api/v1/stats?from={first:yyyy-MM-ddTHH:mm:ssZ}&to={first.AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}");
        Assert.That(windowed["requests"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(windowed["threats"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [TestCase("bucket=1m&from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z", "to")]
    [TestCase("bucket=1w", "bucket")]
    [TestCase("from=2026-01-03T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    public async Task A_history_request_out_of_bounds_is_400_problem(string query, string field)
    {
        using var response = await Admin.GetAsync("/api/v1/stats/history?" + query);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key), Has.Member(field), text);
    }

    [Test]
    public async Task The_largest_history_is_1440_buckets()
    {
        var history = await GetJsonAsync(Admin, "/api/v1/stats/history?bucket=1m&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
        Assert.That(history["series"]!.AsArray(), Has.Count.EqualTo(1440));
    }

    [Test]
    public async Task Users_may_not_read_statistics()
    {
        using var user = await Factory.CreateUserClientAsync("user");
        using var analyst = await Factory.CreateUserClientAsync("analyst");

        Assert.That((await user.GetAsync("/api/v1/stats")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await user.GetAsync("/api/v1/stats/history")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await analyst.GetAsync("/api/v1/stats")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
