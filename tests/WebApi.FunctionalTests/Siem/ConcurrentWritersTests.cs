using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Siem;

/// <summary>
/// The stream's promise under the case that breaks naive cursors: transactions that take their ids in one order and
/// commit in another while a SIEM keeps polling. Nothing may be skipped, nothing handed out twice.
/// </summary>
public sealed class ConcurrentWritersTests
{
    private const int Writers = 8;
    private const int TransactionsPerWriter = 15;

    [Test]
    public async Task A_poller_loses_no_event_and_sees_none_twice_while_eight_writers_commit_out_of_order_on_postgresql()
    {
        await using var factory = await new ApiFactory { Provider = DatabaseProvider.Postgres }.StartAsync();
        using var admin = await factory.CreateAdminClientAsync();
        using var siem = await factory.CreateMachineClientAsync(admin, "siem:read");
        var start = await EndCursor(siem);

        var written = new ConcurrentBag<Guid>();
        var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var i = 0; i < TransactionsPerWriter; i++)
            {
                await using var db = TestDatabase.Open(DatabaseProvider.Postgres, factory.ConnectionString);
                await using var transaction = await db.Database.BeginTransactionAsync();
                var threat = StoredEvents.Threat();
                var audit = StoredEvents.Audit();
                db.Threats.Add(threat);
                db.AuditEvents.Add(audit);
                await db.SaveChangesAsync();

                // Hold the transaction open after its rows have their positions, so later transactions commit first.
                await Task.Delay(random.Next(0, 40));
                await transaction.CommitAsync();
                written.Add(threat.Id);
                written.Add(audit.Id);
            }
        })));

        var seen = new List<Guid>();
        var cursor = start;
        var polls = 0;
        while (!writing.IsCompleted || polls == 0)
        {
            cursor = await Drain(siem, cursor, seen);
            polls++;
        }

        await writing;
        var drainDeadline = DateTime.UtcNow.AddSeconds(30);
        while (seen.Count < written.Count && DateTime.UtcNow < drainDeadline)
        {
            cursor = await Drain(siem, cursor, seen);
        }

        var positions = await factory.QueryAsync(db => db.SecurityEvents.ToDictionaryAsync(e => e.Id, e => e.Position));
        var inversions = seen.Zip(seen.Skip(1)).Count(p => positions[p.First] > positions[p.Second]);
        Assert.Multiple(() =>
        {
            Assert.That(seen.Distinct().Count(), Is.EqualTo(seen.Count), "no event handed out twice");
            Assert.That(seen, Is.EquivalentTo(written), "every committed event handed out");
            Assert.That(polls, Is.GreaterThan(1), "the poller ran while the writers did");
            Assert.That(inversions, Is.GreaterThan(0), "commits really happened out of position order");
        });
    }

    private static async Task<string> Drain(HttpClient siem, string cursor, List<Guid> seen)
    {
        while (true)
        {
            var response = await siem.GetAsync($"/api/v1/siem/events?cursor={cursor}&limit=50");
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            var page = JsonNode.Parse(text)!;
            seen.AddRange(page["events"]!.AsArray().Select(e => Guid.Parse(e!["id"]!.GetValue<string>())));
            cursor = page["next_cursor"]!.GetValue<string>();
            if (!page["has_more"]!.GetValue<bool>())
            {
                return cursor;
            }
        }
    }

    private static async Task<string> EndCursor(HttpClient siem) => await Drain(siem, string.Empty, []);
}
