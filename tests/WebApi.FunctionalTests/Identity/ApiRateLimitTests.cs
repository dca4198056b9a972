using System.Net;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

/// <summary>Its own service instance: the API bucket is per client, with a small burst so the test is fast and exact.</summary>
public sealed class ApiRateLimitTests
{
    [Test]
    public async Task A_client_that_exceeds_its_burst_gets_429_with_retry_after_while_another_client_is_unaffected()
    {
        await using var factory = new ApiFactory
        {
            Settings = { ["RateLimiting:Enabled"] = "true", ["RateLimiting:Burst"] = "5", ["RateLimiting:PermitsPerMinute"] = "6" },
        };
        factory.StartServer();
        using var greedy = await factory.CreateUserClientAsync();
        using var other = await factory.CreateAdminClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await greedy.GetAsync("/api/v1/auth/me")).StatusCode);
        }

        var sixth = await greedy.GetAsync("/api/v1/auth/me");

        Assert.That(statuses, Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That((int)sixth.StatusCode, Is.EqualTo(429));
        Assert.That(sixth.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
        Assert.That(sixth.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await other.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
