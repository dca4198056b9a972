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
        var problem = JsonNode.Parse(await eleventh.Content.ReadAsStringAsync())!;
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(429));
        Assert.That(problem["type"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
    }

    [TestCase("/api/v1/auth/login/")]
    [TestCase("/API/V1/AUTH/LOGIN")]
    [TestCase("/api/v1/auth/login/mfa/")]
    [TestCase("/connect/token/")]
    public async Task Every_spelling_that_reaches_a_sign_in_action_meets_the_same_per_ip_limit(string path)
    {
        await using var factory = new ApiFactory { Settings = { ["RateLimiting:Enabled"] = "true" } };
        factory.StartServer();
        using var client = factory.CreateClient();

        HttpContent Body(int i) => path.StartsWith("/connect", StringComparison.Ordinal)
            ? new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = $"cl_{i}", ["client_secret"] = "wrong" })
            : JsonContent.Create(new { username = $"guess-{i}", password = "wrong-password", mfa_token = "x", code = "123456" });

        var statuses = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((int)(await client.PostAsync(path, Body(i))).StatusCode);
        }

        Assert.That(statuses.Take(10), Has.None.EqualTo(429).And.None.EqualTo(404), string.Join(",", statuses));
        Assert.That(statuses[10], Is.EqualTo(429), string.Join(",", statuses));
    }
}
