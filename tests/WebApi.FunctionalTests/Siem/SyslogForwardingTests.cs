using System.Diagnostics;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.Infrastructure.Siem.Forwarding;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Siem;

/// <summary>The syslog forwarder against Debian's real rsyslog, including the receiver going away and coming back.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class SyslogForwardingTests(DatabaseProvider provider)
{
    private static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"timed out after 60 s waiting for {what}");
            }

            await Task.Delay(50);
        }
    }

    private static async Task WriteEvents(ApiFactory factory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await factory.QueryAsync(db =>
            {
                db.Threats.Add(StoredEvents.Threat());
                db.AuditEvents.Add(StoredEvents.Audit());
                return db.SaveChangesAsync();
            });
        }
    }

    [Test]
    public async Task Every_event_arrives_exactly_once_in_rsyslog_also_across_a_receiver_restart()
    {
        await using var rsyslog = await RsyslogReceiver.StartAsync();
        await using var factory = await new ApiFactory
        {
            Provider = provider,
            Settings =
            {
                ["Siem:Forwarders:0:Name"] = "rsyslog",
                ["Siem:Forwarders:0:Kind"] = "Syslog",
                ["Siem:Forwarders:0:Host"] = "127.0.0.1",
                ["Siem:Forwarders:0:Port"] = rsyslog.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Siem:Forwarders:0:Format"] = "cef",
                ["Siem:Forwarders:0:BatchSize"] = "4",
                ["Siem:Forwarders:0:PollMilliseconds"] = "50",
            },
        }.StartAsync();
        var stored = async () => (await factory.QueryAsync(db => db.SecurityEvents.Select(e => e.Id).ToListAsync())).Select(id => id.ToString()).ToList();
        var status = factory.Services.GetRequiredService<ForwarderStatus>();

        await WriteEvents(factory, 5);
        await WaitUntil(async () => rsyslog.ReceivedIds().Count == (await stored()).Count, "the first events in rsyslog's file");

        await rsyslog.StopProcessAsync();
        var failuresBefore = status.Snapshot().Single().ConsecutiveFailures;
        await WriteEvents(factory, 6);
        await WaitUntil(() => Task.FromResult(status.Snapshot().Single().ConsecutiveFailures > failuresBefore), "the forwarder to find the receiver gone");

        await rsyslog.StartProcessAsync();
        await WaitUntil(async () => rsyslog.ReceivedIds().Count >= (await stored()).Count && status.Snapshot().Single().Lag == 0, "the queued events after the restart");

        var expected = await stored();
        var received = rsyslog.ReceivedIds();
        Assert.Multiple(() =>
        {
            Assert.That(received, Is.EquivalentTo(expected), "each stored event exactly once");
            Assert.That(received.Distinct().Count(), Is.EqualTo(received.Count));
            Assert.That(expected, Has.Count.GreaterThanOrEqualTo(22));
            Assert.That(rsyslog.ReceivedLines(), Has.All.Match("^<1[0-9]{2}>1 \\S+ \\S+ InfiniteSecurity - [A-Z_]+ \\[meta@32473 id=\"[0-9a-f-]{36}\"\\] CEF:0\\|InfiniteSecurity\\|"));
        });

        using var health = await factory.CreateAdminClientAsync();
        var ready = JsonNode.Parse(await health.GetStringAsync("/health/ready"))!;
        Assert.That(ready["checks"]!["siem_forwarders"]!["data"]!["rsyslog"]!["lag"]!.GetValue<long>(), Is.Zero);
    }
}
