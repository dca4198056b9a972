using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

/// <summary>
/// Machine clients have their own API quota (<c>RateLimiting:MachineClients</c>), not a person's, and an admin can give
/// one client a quota of its own.
/// </summary>
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

    private static async Task<(HttpClient Client, string Id)> RegisterAsync(ApiFactory factory, HttpClient admin, int? requestsPerSecond)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/clients", new { name = "edge-" + Guid.NewGuid().ToString("N")[..6], scopes = new[] { "analyze" }, requests_per_second = requestsPerSecond });
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        Assert.That(body["client"]!["requests_per_second"]?.GetValue<int?>(), Is.EqualTo(requestsPerSecond));
        using var anonymous = factory.CreateClient();
        var token = await anonymous.ClientCredentialsTokenAsync(body["client"]!["client_id"]!.GetValue<string>(), body["client_secret"]!.GetValue<string>());
        return (factory.CreateClientWithToken(token), body["client"]!["id"]!.GetValue<string>());
    }

    [Test]
    public async Task A_client_given_its_own_quota_is_held_to_it_and_a_raised_quota_applies_at_once()
    {
        // The service-wide quota is generous; the one client is given 3 a second (a bucket of 3).
        await using var factory = Factory(machinePermitsPerSecond: "5000");
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();
        var (limited, id) = await RegisterAsync(factory, admin, requestsPerSecond: 3);
        var (unlimited, _) = await RegisterAsync(factory, admin, requestsPerSecond: null);
        using var _1 = limited;
        using var _2 = unlimited;

        var before = await AnalyseAsync(limited, 30);
        Assert.That(before.Take(3), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(before, Has.Some.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await AnalyseAsync(unlimited, 30), Has.All.EqualTo(HttpStatusCode.OK));

        var raised = await admin.PutAsJsonAsync($"/api/v1/clients/{id}/quota", new { requests_per_second = 10_000 });
        Assert.That(raised.StatusCode, Is.EqualTo(HttpStatusCode.OK), await raised.Content.ReadAsStringAsync());
        Assert.That(JsonNode.Parse(await raised.Content.ReadAsStringAsync())!["requests_per_second"]!.GetValue<int>(), Is.EqualTo(10_000));

        Assert.That(await AnalyseAsync(limited, 30), Has.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Returning_a_client_to_the_service_wide_quota_is_audited_with_old_and_new_values()
    {
        await using var factory = Factory(machinePermitsPerSecond: "5000");
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();
        var (client, id) = await RegisterAsync(factory, admin, requestsPerSecond: 50);
        client.Dispose();

        var reset = await admin.PutAsJsonAsync($"/api/v1/clients/{id}/quota", new { requests_per_second = (int?)null });
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonNode.Parse(await reset.Content.ReadAsStringAsync())!["requests_per_second"], Is.Null);

        var audit = await admin.GetStringAsync("/api/v1/audit?event_type=CLIENT_QUOTA_CHANGED");
        Assert.That(audit, Does.Contain("requests_per_second=50 -> default"));
    }

    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(1_000_001)]
    public async Task An_out_of_range_quota_is_a_400_naming_the_field_and_changes_nothing(int quota)
    {
        await using var factory = Factory(machinePermitsPerSecond: "5000");
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();
        var (client, id) = await RegisterAsync(factory, admin, requestsPerSecond: 20);
        client.Dispose();

        var refused = await admin.PutAsJsonAsync($"/api/v1/clients/{id}/quota", new { requests_per_second = quota });
        var created = await admin.PostAsJsonAsync("/api/v1/clients", new { name = "edge-bad", scopes = new[] { "analyze" }, requests_per_second = quota });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("requests_per_second"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var listed = JsonNode.Parse(await admin.GetStringAsync("/api/v1/clients"))!.AsArray();
        Assert.That(listed.Single(c => c!["id"]!.GetValue<string>() == id)!["requests_per_second"]!.GetValue<int>(), Is.EqualTo(20));
    }

    [Test]
    public async Task Only_an_admin_may_change_a_quota()
    {
        await using var factory = Factory(machinePermitsPerSecond: "5000");
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();
        var (client, id) = await RegisterAsync(factory, admin, requestsPerSecond: null);
        client.Dispose();
        using var user = await factory.CreateUserClientAsync();

        var response = await user.PutAsJsonAsync($"/api/v1/clients/{id}/quota", new { requests_per_second = 100_000 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task An_unknown_client_is_a_404()
    {
        await using var factory = Factory(machinePermitsPerSecond: "5000");
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PutAsJsonAsync($"/api/v1/clients/{Guid.NewGuid()}/quota", new { requests_per_second = 10 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
