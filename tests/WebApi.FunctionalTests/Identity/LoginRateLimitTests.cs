using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

/// <summary>Its own service instance: rate limiting on, with the seed's login figure (10 per minute per IP).</summary>
public sealed class LoginRateLimitTests
{
    [Test]
    public async Task The_eleventh_login_in_a_minute_is_429_with_retry_after()
    {
        await using var factory = new ApiFactory { Settings = { ["RateLimiting:Enabled"] = "true" } };
        factory.StartServer();
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = $"guess-{i}", password = "wrong-password" });
            statuses.Add(response.StatusCode);
        }

        var eleventh = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "guess-11", password = "wrong-password" });

        Assert.That(statuses, Has.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((int)eleventh.StatusCode, Is.EqualTo(429));
        Assert.That(eleventh.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
        Assert.That(eleventh.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonNode.Parse(await eleventh.Content.ReadAsStringAsync())!["status"]!.GetValue<int>(), Is.EqualTo(429));
    }
}
