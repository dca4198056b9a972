using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Threats;

/// <summary>Two instances on one database add to the same per-minute counter rows without losing each other's counts.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class TwoInstanceCounterTests(DatabaseProvider provider)
{
    [Test]
    public async Task Requests_answered_by_two_instances_sharing_a_database_are_all_counted()
    {
        await using var first = await new ApiFactory { Provider = provider }.StartAsync();
        await using var second = await new ApiFactory { Provider = provider, SharedConnectionString = first.ConnectionString }.StartAsync();
        using var one = await first.CreateUserClientAsync("user");
        // The second instance has its own signing key: its user signs in there (the account is in the shared database).
        var account = await first.CreateAccountAsync("user");
        using var two = second.CreateClientWithToken((await second.LoginAsync(account.Username, account.Password)).AccessToken);
        using var analyst = await first.CreateUserClientAsync("analyst");

        await Task.WhenAll(new[] { one, two, one, two }.Select(async (client, w) =>
        {
            for (var n = 0; n < 30; n++)
            {
                var input = n % 3 == 0 ? $"k' OR 'w{w}n{n}'='w{w}n{n}' --" : $"parcel {w}/{n} left the warehouse";
                using var response = await client.PostAsJsonAsync("/api/v1/analyze", new { input });
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
        }));

        var watch = Stopwatch.StartNew();
        long requests;
        do
        {
            await Task.Delay(100);
            requests = JsonNode.Parse(await analyst.GetStringAsync("/api/v1/stats"))!["requests"]!.GetValue<long>();
        }
        while (requests < 120 && watch.Elapsed < TimeSpan.FromSeconds(30));

        Assert.That(requests, Is.EqualTo(120));
        var history = JsonNode.Parse(await analyst.GetStringAsync("/api/v1/stats/history?bucket=1h"))!;
        Assert.That(history["series"]!.AsArray().Sum(p => p!["requests"]!.GetValue<long>()), Is.EqualTo(120));
        Assert.That(history["series"]!.AsArray().Sum(p => p!["threats"]!.GetValue<long>()), Is.EqualTo(40));
    }
}
