using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InfiniteSecurity.WebApi.FunctionalTests.Durability.CrashDurabilityTests;

namespace InfiniteSecurity.WebApi.FunctionalTests.Durability;

/// <summary>
/// PostgreSQL goes away under load and comes back: analysis keeps answering (detection needs no database),
/// readiness reports the outage, threats are spooled to disk and replayed — zero lost, zero duplicated.
/// Each test has a PostgreSQL server of its own: stopping it must not disturb the other tests' database.
/// </summary>
public sealed class DatabaseOutageTests : OwnPostgresFixture
{
    [Test]
    public async Task Postgres_outage_under_load_loses_nothing_and_duplicates_nothing()
    {
        await using var service = Database.Service();
        await service.StartAsync();
        using var client = await service.CreateClientAsync(TimeSpan.FromSeconds(30));
        var load = new AttackLoad(client);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 16, stop.Token);

        await WaitUntil(() => load.Acknowledged.Count >= 100, "load before the outage");
        await Postgres.StopAsync();
        var atOutage = load.Acknowledged.Count;

        var sawNotReady = false;
        var outage = Stopwatch.StartNew();
        while (outage.Elapsed < TimeSpan.FromSeconds(4))
        {
            sawNotReady |= (await client.GetAsync("health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable;
            await Task.Delay(200);
        }

        var duringOutage = load.Acknowledged.Count - atOutage;
        await Postgres.StartAgainAsync();
        var atRecovery = load.Acknowledged.Count;
        await WaitUntil(() => load.Acknowledged.Count >= atRecovery + 100, "load after the outage");
        await stop.CancelAsync();
        await running;

        await WaitForEmptySpoolAsync(service.SpoolDirectory);
        await WaitUntil(() => client.GetAsync("health/ready").Result.StatusCode == HttpStatusCode.OK, "ready again");

        var acknowledged = load.Acknowledged.ToList();
        await using var db = Database.Open();
        var stored = await db.Threats.Select(t => t.RequestId).ToListAsync();
        var audits = await db.AuditEvents.CountAsync(e => e.EventType == "THREAT_DETECTED");
        TestContext.Out.WriteLine($"acknowledged {acknowledged.Count} ({duringOutage} during the outage), stored {stored.Count}, audit events {audits}, statuses {string.Join(", ", load.Statuses)}");

        Assert.Multiple(() =>
        {
            Assert.That(sawNotReady, Is.True, "/health/ready should report the outage");
            Assert.That(duringOutage, Is.Positive, "analysis should keep answering during the outage");
            Assert.That(load.Statuses.Keys, Is.EquivalentTo(new[] { HttpStatusCode.OK }), "every analysis should have been answered 200");
            Assert.That(acknowledged.Except(stored), Is.Empty, "lost");
            Assert.That(stored, Is.Unique, "duplicated");
            Assert.That(audits, Is.EqualTo(stored.Count), "one audit event per threat");
        });
    }

    [Test]
    public async Task Threats_spooled_during_an_outage_survive_a_sigkill_and_reach_theDatabase_after_restart()
    {
        await using var service = Database.Service();
        await service.StartAsync();
        using var client = await service.CreateClientAsync(TimeSpan.FromSeconds(30));
        // One answered request before the outage: the instance has seen this session alive (docs/operations.md).
        (await client.PostAsJsonAsync("api/v1/analyze", new { input = "hello" })).EnsureSuccessStatusCode();
        await Postgres.StopAsync();

        var load = new AttackLoad(client);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 8, stop.Token);
        await WaitUntil(() => load.Acknowledged.Count >= 50, "threats acknowledged while the database is down");
        await service.KillAsync();
        await stop.CancelAsync();
        await running;
        var acknowledged = load.Acknowledged.ToHashSet();

        await Postgres.StartAgainAsync();
        await service.StartAsync();
        await WaitForEmptySpoolAsync(service.SpoolDirectory);

        await using var db = Database.Open();
        var stored = await db.Threats.Select(t => t.RequestId).ToListAsync();
        TestContext.Out.WriteLine($"acknowledged {acknowledged.Count} with the database down, then SIGKILL; stored after recovery {stored.Count}");
        Assert.That(acknowledged.Except(stored), Is.Empty, "lost");
        Assert.That(stored, Is.Unique, "duplicated");
    }

    [Test]
    public async Task Repeats_acknowledged_during_an_outage_are_all_counted_after_replay()
    {
        await using var service = Database.Service();
        await service.StartAsync();
        using var client = await service.CreateClientAsync(TimeSpan.FromSeconds(30));
        const string attack = "r' OR 'spool'='spool' --";
        const int before = 20;
        const int during = 60;
        var answered = new List<string>();
        async Task SendAsync(int count)
        {
            var sent = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
            {
                using var response = await client.PostAsJsonAsync("api/v1/analyze", new { input = attack });
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["threat_id"]!.GetValue<string>();
            }));
            answered.AddRange(sent);
        }

        await SendAsync(before);
        await Postgres.StopAsync();
        await SendAsync(during);
        await Postgres.StartAgainAsync();
        await WaitForEmptySpoolAsync(service.SpoolDirectory);

        await using var db = Database.Open();
        var ids = answered.Distinct().Select(Guid.Parse).ToList();
        var rows = await db.Threats.Where(t => ids.Contains(t.Id)).ToListAsync();
        TestContext.Out.WriteLine($"{before + during} identical attacks, {during} of them with the database down: {rows.Count} row(s), occurrences {string.Join(", ", rows.Select(r => r.Occurrences))}");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Sum(r => r.Occurrences), Is.EqualTo(before + during), "every repeat counted once");
            Assert.That(rows, Has.Count.EqualTo(ids.Count), "every answered threat id names a stored row");
        });
    }
}
