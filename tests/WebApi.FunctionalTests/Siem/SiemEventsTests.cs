using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.Infrastructure.Persistence.Retention;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Siem;

/// <summary>The pull API a SIEM polls: one ordered stream of threats and audit events, resumable by cursor.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class SiemEventsTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    private HttpClient _siem = null!;

    [OneTimeSetUp]
    public async Task CreateSiemClient() => _siem = await Factory.CreateMachineClientAsync(Admin, "siem:read");

    [OneTimeTearDown]
    public void DisposeSiemClient() => _siem.Dispose();

    private async Task<JsonNode> Page(string query)
    {
        var response = await _siem.GetAsync("/api/v1/siem/events" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Reads from <paramref name="cursor"/> to the end, page by page, and returns the ids and the last cursor.</summary>
    private async Task<(List<string> Ids, string Cursor)> ReadToEnd(string cursor, int limit, string extra = "")
    {
        var ids = new List<string>();
        while (true)
        {
            var page = await Page($"?cursor={cursor}&limit={limit}{extra}");
            ids.AddRange(page["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
            cursor = page["next_cursor"]!.GetValue<string>();
            if (!page["has_more"]!.GetValue<bool>())
            {
                return (ids, cursor);
            }
        }
    }

    private async Task<string> EndCursor() => (await ReadToEnd(string.Empty, 1000)).Cursor;

    [Test]
    public async Task Threats_and_audit_events_come_once_each_in_the_order_they_were_stored_across_pages()
    {
        var start = await EndCursor();
        var stored = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var threat = StoredEvents.Threat();
            var audit = StoredEvents.Audit();
            var echo = StoredEvents.Audit(AuditEventType.ThreatDetected);
            await Factory.QueryAsync(async db =>
            {
                db.Threats.Add(threat);
                db.AuditEvents.Add(echo);
                await db.SaveChangesAsync();
                db.AuditEvents.Add(audit);
                return await db.SaveChangesAsync();
            });
            stored.Add(threat.Id.ToString());
            stored.Add(audit.Id.ToString());
        }

        var (ids, _) = await ReadToEnd(start, 3);

        Assert.That(ids, Is.EqualTo(stored), "the THREAT_DETECTED audit echo of a threat is not a second event");
    }

    [Test]
    public async Task A_threat_event_carries_family_severity_action_rules_and_locations()
    {
        var start = await EndCursor();
        var threat = StoredEvents.Threat();
        await Factory.QueryAsync(db => { db.Threats.Add(threat); return db.SaveChangesAsync(); });

        var e = (await Page($"?cursor={start}"))["events"]![0]!;

        Assert.That(e["id"]!.GetValue<string>(), Is.EqualTo(threat.Id.ToString()));
        Assert.That(e["type"]!.GetValue<string>(), Is.EqualTo("THREAT_DETECTED"));
        Assert.That(e["source_ip"]!.GetValue<string>(), Is.EqualTo("198.51.100.4"));
        Assert.That(e["actor"]!.GetValue<string>(), Is.EqualTo("someone"));
        Assert.That(e["threat"]!["family"]!.GetValue<string>(), Is.EqualTo("sql_injection"));
        Assert.That(e["threat"]!["severity"]!.GetValue<string>(), Is.EqualTo("critical"));
        Assert.That(e["threat"]!["action"]!.GetValue<string>(), Is.EqualTo(threat.Action.ToString()));
        Assert.That(e["threat"]!["rule_ids"]![0]!.GetValue<string>(), Is.EqualTo("sqli.tautology"));
        Assert.That(e["threat"]!["locations"]![0]!.GetValue<string>(), Is.EqualTo("query:q"));
        Assert.That(DateTime.Parse(e["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(),
            Is.EqualTo(threat.DetectedAt).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task Every_page_has_a_next_cursor_and_a_next_link_and_an_empty_page_keeps_the_cursor()
    {
        var end = await EndCursor();

        var response = await _siem.GetAsync($"/api/v1/siem/events?cursor={end}&limit=5");
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(page["events"]!.AsArray(), Is.Empty);
        Assert.That(page["has_more"]!.GetValue<bool>(), Is.False);
        Assert.That(page["next_cursor"]!.GetValue<string>(), Is.EqualTo(end));
        Assert.That(response.Headers.GetValues("Link").Single(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal)), Is.EqualTo($"</api/v1/siem/events?cursor={end}&limit=5&format=json>; rel=\"next\""));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task The_next_link_leads_to_the_next_page()
    {
        var start = await EndCursor();
        var audits = Enumerable.Range(0, 3).Select(_ => StoredEvents.Audit()).ToList();
        foreach (var audit in audits)
        {
            await Factory.QueryAsync(db => { db.AuditEvents.Add(audit); return db.SaveChangesAsync(); });
        }

        var first = await _siem.GetAsync($"/api/v1/siem/events?cursor={start}&limit=2&types=LOGIN_FAILED");
        var link = first.Headers.GetValues("Link").Single(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal));
        var next = await _siem.GetAsync(link[1..link.IndexOf('>', StringComparison.Ordinal)]);
        var second = JsonNode.Parse(await next.Content.ReadAsStringAsync())!;

        Assert.That(JsonNode.Parse(await first.Content.ReadAsStringAsync())!["has_more"]!.GetValue<bool>(), Is.True);
        Assert.That(second["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()), Is.EqualTo(new[] { audits[2].Id.ToString() }));
    }

    [Test]
    public async Task Since_and_until_keep_the_events_of_a_time_window()
    {
        var start = await EndCursor();
        var early = StoredEvents.Audit(time: new StoredEvents.FixedTime(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        var inside = StoredEvents.Audit(time: new StoredEvents.FixedTime(new DateTimeOffset(2026, 6, 2, 12, 0, 0, TimeSpan.Zero)));
        var late = StoredEvents.Audit(time: new StoredEvents.FixedTime(new DateTimeOffset(2026, 6, 3, 0, 0, 0, TimeSpan.Zero)));
        await Factory.QueryAsync(db => { db.AuditEvents.AddRange(early, inside, late); return db.SaveChangesAsync(); });

        var (ids, _) = await ReadToEnd(start, 10, "&since=2026-06-02T00:00:00Z&until=2026-06-03T00:00:00Z");

        Assert.That(ids, Is.EqualTo(new[] { inside.Id.ToString() }));
    }

    [Test]
    public async Task Types_keep_only_the_named_event_types()
    {
        var start = await EndCursor();
        var kept = StoredEvents.Audit(AuditEventType.TokenReuseDetected);
        await Factory.QueryAsync(db =>
        {
            db.Threats.Add(StoredEvents.Threat());
            db.AuditEvents.Add(StoredEvents.Audit());
            db.AuditEvents.Add(kept);
            return db.SaveChangesAsync();
        });

        var (ids, _) = await ReadToEnd(start, 10, "&types=token_reuse_detected,LOGIN_NAME_CEILING_REACHED");

        Assert.That(ids, Is.EqualTo(new[] { kept.Id.ToString() }));
    }

    [TestCase("?since=2026-12-02T10:00:00Z&until=2026-12-01T10:00:00Z", "since")]
    [TestCase("?cursor=not-a-cursor", "cursor")]
    [TestCase("?cursor=MS4xLjE%3D%3D", "cursor")]
    [TestCase("?limit=0", "limit")]
    [TestCase("?limit=1001", "limit")]
    [TestCase("?format=xml", "format")]
    [TestCase("?types=LOGIN%20FAILED", "types")]
    public async Task A_malformed_cursor_or_parameter_is_400_problem_json(string query, string field)
    {
        var response = await _siem.GetAsync("/api/v1/siem/events" + query);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body["errors"]![field], Is.Not.Null, body.ToJsonString());
    }

    [Test]
    public async Task Cef_and_leef_pages_are_one_line_per_event_with_the_cursor_in_the_headers()
    {
        var start = await EndCursor();
        await Factory.QueryAsync(db =>
        {
            db.Threats.Add(StoredEvents.Threat());
            db.AuditEvents.Add(StoredEvents.Audit());
            return db.SaveChangesAsync();
        });

        foreach (var (format, prefix) in new[] { ("cef", "CEF:0|InfiniteSecurity|"), ("leef", "LEEF:2.0|InfiniteSecurity|") })
        {
            var response = await _siem.GetAsync($"/api/v1/siem/events?cursor={start}&format={format}");
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(lines, Has.Length.EqualTo(2).And.All.StartWith(prefix));
            Assert.That(response.Headers.GetValues("X-Next-Cursor").Single(), Is.Not.EqualTo(start));
            Assert.That(response.Headers.GetValues("X-Has-More").Single(), Is.EqualTo("false"));
        }
    }

    [Test]
    public async Task Ocsf_and_ecs_pages_carry_the_same_events()
    {
        var start = await EndCursor();
        var threat = StoredEvents.Threat();
        await Factory.QueryAsync(db => { db.Threats.Add(threat); return db.SaveChangesAsync(); });

        var ocsf = (await Page($"?cursor={start}&format=ocsf"))["events"]![0]!;
        var ecs = (await Page($"?cursor={start}&format=ecs"))["events"]![0]!;

        Assert.That(ocsf["class_uid"]!.GetValue<int>(), Is.EqualTo(2004));
        Assert.That(ocsf["metadata"]!["uid"]!.GetValue<string>(), Is.EqualTo(threat.Id.ToString()));
        Assert.That(ecs["event"]!["kind"]!.GetValue<string>(), Is.EqualTo("alert"));
        Assert.That(ecs["event"]!["id"]!.GetValue<string>(), Is.EqualTo(threat.Id.ToString()));
    }

    [Test]
    public async Task Events_written_through_the_api_reach_the_stream()
    {
        var start = await EndCursor();
        using var user = await Factory.CreateUserClientAsync();
        await user.PostAsync("/api/v1/analyze", new StringContent("{\"input\":\"9' OR 'z'='z' --\"}", System.Text.Encoding.UTF8, "application/json"));
        using var anonymous = Factory.CreateClient();
        await anonymous.PostAsync("/api/v1/auth/login", new StringContent("{\"username\":\"nobody-here\",\"password\":\"wrong-password\"}", System.Text.Encoding.UTF8, "application/json"));

        var types = new List<string>();
        var cursor = start;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(types.Contains("THREAT_DETECTED") && types.Contains("LOGIN_FAILED")) && DateTime.UtcNow < deadline)
        {
            var page = await Page($"?cursor={cursor}");
            types.AddRange(page["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
            cursor = page["next_cursor"]!.GetValue<string>();
            await Task.Delay(50);
        }

        Assert.That(types, Does.Contain("THREAT_DETECTED").And.Contain("LOGIN_FAILED"));
    }

    [Test]
    public async Task A_cursor_before_events_that_retention_deleted_is_410_gone_and_no_cursor_starts_at_the_oldest_kept()
    {
        var start = await EndCursor();
        var old = new StoredEvents.FixedTime(DateTimeOffset.UtcNow.AddDays(-400));
        var first = StoredEvents.Audit(time: old);
        var second = StoredEvents.Audit(time: old);
        var kept = StoredEvents.Audit();
        await Factory.QueryAsync(async db =>
        {
            db.AuditEvents.Add(first);
            await db.SaveChangesAsync();
            db.AuditEvents.Add(second);
            await db.SaveChangesAsync();
            db.AuditEvents.Add(kept);
            return await db.SaveChangesAsync();
        });
        var afterFirst = (await Page($"?cursor={start}&limit=1"))["next_cursor"]!.GetValue<string>();
        var afterSecond = (await Page($"?cursor={afterFirst}&limit=1"))["next_cursor"]!.GetValue<string>();

        await Factory.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);

        var gone = await _siem.GetAsync($"/api/v1/siem/events?cursor={afterFirst}");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(gone.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var resumed = await Page($"?cursor={afterSecond}");
        Assert.That(resumed["events"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(kept.Id.ToString()), "the cursor at the last deleted event lost nothing");
        var fromOldest = await ReadToEnd(string.Empty, 1000);
        Assert.That(fromOldest.Ids, Does.Contain(kept.Id.ToString()).And.Not.Contain(first.Id.ToString()));
    }

    [Test]
    public async Task Analysts_admins_and_siem_read_clients_may_read_users_and_analyze_clients_may_not()
    {
        using var analyst = await Factory.CreateUserClientAsync("analyst");
        using var user = await Factory.CreateUserClientAsync();
        using var gateway = await Factory.CreateMachineClientAsync(Admin, "analyze");

        Assert.Multiple(async () =>
        {
            Assert.That((await _siem.GetAsync("/api/v1/siem/events")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Admin.GetAsync("/api/v1/siem/events")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await analyst.GetAsync("/api/v1/siem/events")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await user.GetAsync("/api/v1/siem/events")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await gateway.GetAsync("/api/v1/siem/events")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await Anonymous.GetAsync("/api/v1/siem/events")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }
}
