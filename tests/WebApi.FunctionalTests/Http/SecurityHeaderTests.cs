using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Http;

public sealed class SecurityHeaderTests
{
    private static void AssertBaseline(HttpResponseMessage response, string what)
    {
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), what);
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }), what);
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }), what);
        Assert.That(string.Join(";", response.Headers.GetValues("Content-Security-Policy")), Does.Contain("frame-ancestors 'none'"), what);
    }

    [Test]
    public async Task Every_response_carries_the_baseline_headers_and_token_responses_are_not_stored()
    {
        await using var factory = await new ApiFactory().StartAsync();
        using var client = factory.CreateClient();

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = factory.AdminUsername, password = factory.AdminPassword });
        var refreshToken = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["refresh_token"]!.GetValue<string>();
        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
        var mfa = await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfa_token = "not-a-token", code = "123456" });
        var health = await client.GetAsync("/health/live");
        var notFound = await client.GetAsync("/api/v1/nothing-here");

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var (what, response) in new[] { ("login", login), ("refresh", refresh), ("mfa", mfa), ("health", health), ("404", notFound) })
        {
            AssertBaseline(response, what);
        }

        foreach (var (what, response) in new[] { ("login", login), ("refresh", refresh), ("mfa", mfa) })
        {
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, what);
        }
    }

    [Test]
    public async Task Swagger_ui_has_a_strict_content_security_policy_without_unsafe_eval()
    {
        await using var factory = await new ApiFactory().StartAsync();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/swagger/index.html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertBaseline(response, "swagger");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(csp, Does.Contain("default-src 'self'").And.Contain("object-src 'none'").And.Not.Contain("unsafe-eval"));
    }

    [Test]
    public async Task Production_turns_swagger_off_by_default()
    {
        await using var factory = await new ApiFactory { EnvironmentName = "Production" }.StartAsync();
        using var client = await factory.CreateAdminClientAsync();

        Assert.That((await client.GetAsync("/swagger/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.GetAsync("/swagger/v1/swagger.json")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Production_redirects_plain_http_to_https_except_health()
    {
        await using var factory = await new ApiFactory { EnvironmentName = "Production", Settings = { ["https_port"] = "8443" } }.StartAsync();

        // With https_port set the factory's own client aims at port 80; talk to the Kestrel address directly.
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

        var api = await client.GetAsync("/api/v1/auth/me");

        Assert.That((int)api.StatusCode, Is.AnyOf(307, 308));
        Assert.That(api.Headers.Location?.Scheme, Is.EqualTo("https"));
        Assert.That(api.Headers.Location?.Port, Is.EqualTo(8443));
        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Production_serves_swagger_when_enabled()
    {
        await using var factory = await new ApiFactory { EnvironmentName = "Production", Settings = { ["Swagger:Enabled"] = "true" } }.StartAsync();
        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/swagger/v1/swagger.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
