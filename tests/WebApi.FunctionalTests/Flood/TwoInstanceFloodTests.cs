using System.Net;
using System.Net.Http.Json;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Flood;

/// <summary>
/// Two instances on one PostgreSQL database fold the same repeated attack into the same row concurrently: the
/// upsert on the aggregation key must neither lose an update nor insert a second row.
/// </summary>
[NonParallelizable]
public sealed class TwoInstanceFloodTests
{
    [Test]
    public async Task Repeats_sent_to_two_instances_at_once_add_up_exactly_in_one_row()
    {
        TestDatabase.RequirePostgresBinaries();
        await using var first = await new ApiFactory { Provider = DatabaseProvider.Postgres }.StartAsync();
        await using var second = await new ApiFactory { Provider = DatabaseProvider.Postgres, SharedConnectionString = first.ConnectionString }.StartAsync();
        var account = await first.CreateAccountAsync("user");
        using var one = first.CreateClientWithToken((await first.LoginAsync(account.Username, account.Password)).AccessToken);
        using var two = second.CreateClientWithToken((await second.LoginAsync(account.Username, account.Password)).AccessToken);

        // Several concurrent senders per instance, so both writers commit batches with the same key at the same time.
        const int perSender = 60;
        var senders = new[] { one, two, one, two, one, two };
        var ids = await Task.WhenAll(senders.Select(async client =>
        {
            var seen = new List<Guid>();
            for (var n = 0; n < perSender; n++)
            {
                using var response = await client.PostAsJsonAsync("/api/v1/analyze", new { input = "t' OR 'both'='both' --" });
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                seen.Add(Guid.Parse(body["threat_id"]!.GetValue<string>()));
            }

            return seen;
        }));

        var answered = ids.SelectMany(i => i).Distinct().ToList();
        var rows = await first.QueryAsync(db => db.Threats.AsNoTracking().Where(t => t.UserId == account.Id).ToListAsync());
        TestContext.Out.WriteLine($"{senders.Length * perSender} sent, rows {rows.Count}: occurrences {string.Join(", ", rows.Select(r => r.Occurrences))}");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Sum(r => r.Occurrences), Is.EqualTo(senders.Length * perSender), "no lost update");
            // One row per aggregation window: two only if the run crossed a window boundary.
            Assert.That(rows.GroupBy(r => r.AggregationKey).All(g => g.Count() == 1), Is.True, "no second row for one window");
            Assert.That(rows, Has.Count.LessThanOrEqualTo(2));
            Assert.That(answered, Is.SubsetOf(rows.Select(r => r.Id)), "every answer names a stored row");
        });
    }
}
