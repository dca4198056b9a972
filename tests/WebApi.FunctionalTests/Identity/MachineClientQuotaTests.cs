using System.Net;
using System.Net.Http.Json;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

/// <summary>Machine clients have their own API quota (<c>RateLimiting:MachineClients</c>), not a person's.</summary>
public sealed class MachineClientQuotaTests
{
    private static ApiFactory Factory(string machinePermitsPerSecond, string? machineBurst = null)
    {
        var factory = new ApiFactory
        {
            Settings =
            {
                ["RateLimiting:Enabled"] = "true",
                ["RateLimiting:Burst"] = "5",
                ["RateLimiting:PermitsPerMinute"] = "6",
                ["RateLimiting:MachineClients:PermitsPerSecond"] = machinePermitsPerSecond,
            },
        };
        if (machineBurst is not null)
        {
            factory.Settings["RateLimiting:MachineClients:Burst"] = machineBurst;
        }

        return factory;
    }

    private static async Task<List<HttpStatusCode>> AnalyseAsync(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/analyze", new { input = "hello " + i })).StatusCode);
        }

        return statuses;
    }

    [Test]
    public async Task A_machine_client_is_not_held_to_the_per_user_burst_while_a_user_is()
    {
        await using var factory = Factory(machinePermitsPerSecond: "5000");
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();
        using var machine = await factory.CreateMachineClientAsync(admin, "analyze");
        using var user = await factory.CreateUserClientAsync();

        var machineStatuses = await AnalyseAsync(machine, 60);
        var userStatuses = await AnalyseAsync(user, 8);

        Assert.That(machineStatuses, Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(userStatuses.Take(5), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(userStatuses.Skip(5), Has.Some.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task A_machine_client_past_its_own_quota_gets_429_with_retry_after_and_another_machine_client_is_unaffected()
    {
        // A burst of 10 and one permit a second: the eleventh request in a row cannot have been replenished for long.
        await using var factory = Factory(machinePermitsPerSecond: "1", machineBurst: "10");
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();
        using var greedy = await factory.CreateMachineClientAsync(admin, "analyze");
        using var other = await factory.CreateMachineClientAsync(admin, "analyze");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var response = await greedy.PostAsJsonAsync("/api/v1/analyze", new { input = "hello " + i });
            statuses.Add(response.StatusCode);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.That(statuses.Take(10), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(refused, Is.Not.Null, "the eleventh-or-later request in a row should meet the quota");
        Assert.That(refused!.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
        Assert.That((await other.PostAsJsonAsync("/api/v1/analyze", new { input = "hello" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
