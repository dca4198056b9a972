using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AuthorizationTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private static readonly string[] AnonymousRoutes =
        ["api/v1/auth/login", "api/v1/auth/login/mfa", "api/v1/auth/refresh", "connect/token", "/health/live", "/health/ready"];

    private static readonly string[] AdminEndpoints =
        ["GET /api/v1/users", "POST /api/v1/users", "GET /api/v1/audit", "GET /api/v1/clients", "POST /api/v1/clients",
         "POST /api/v1/users/{id}/unlock", "POST /api/v1/users/{id}/disable", "PUT /api/v1/users/{id}/role", "DELETE /api/v1/clients/{id}",
         "POST /api/v1/users/{id}/mfa/reset", "POST /api/v1/users/{id}/enable", "POST /api/v1/clients/{id}/secret",
         "GET /api/v1/sessions", "DELETE /api/v1/sessions/{id}"];

    private static HttpRequestMessage Request(string endpoint, string id)
    {
        var parts = endpoint.Split(' ');
        return new HttpRequestMessage(new HttpMethod(parts[0]), parts[1].Replace("{id}", id, StringComparison.Ordinal))
        {
            Content = parts[0] is "POST" or "PUT" ? JsonContent.Create(new { role = "admin", username = "x", password = "y", name = "n", scopes = new[] { "analyze" } }) : null,
        };
    }

    [Test]
    public void Every_endpoint_requires_authentication_except_sign_in_and_health()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.VersionedRoute()).Distinct().ToArray();

        Assert.That(endpoints, Has.Length.GreaterThan(10));
        Assert.That(anonymous, Is.EquivalentTo(AnonymousRoutes));
    }

    [TestCase("user")]
    [TestCase("analyst")]
    public async Task Non_admins_get_403_from_every_admin_endpoint(string role)
    {
        var victim = await Factory.CreateAccountAsync();
        using var client = await Factory.CreateUserClientAsync(role);

        foreach (var endpoint in AdminEndpoints)
        {
            var response = await client.SendAsync(Request(endpoint, victim.Id));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), endpoint);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), endpoint);
        }
    }

    [Test]
    public async Task Anonymous_callers_get_401_from_admin_endpoints()
    {
        using var client = Factory.CreateClient();

        foreach (var endpoint in AdminEndpoints)
        {
            Assert.That((await client.SendAsync(Request(endpoint, Guid.NewGuid().ToString()))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), endpoint);
        }
    }

    [Test]
    public async Task Admin_creates_a_user_changes_the_role_and_the_new_role_applies_after_the_next_login()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var account = await Factory.CreateAccountAsync("user");
        var oldToken = (await Factory.LoginAsync(account.Username, account.Password)).AccessToken;

        var changed = await admin.PutAsJsonAsync($"/api/v1/users/{account.Id}/role", new { role = "admin" });

        Assert.That(JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["role"]!.GetValue<string>(), Is.EqualTo("admin"));
        using var old = Factory.CreateClientWithToken(oldToken);
        Assert.That((await old.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a token with the old role must not live on");
        using var promoted = Factory.CreateClientWithToken((await Factory.LoginAsync(account.Username, account.Password)).AccessToken);
        Assert.That((await promoted.GetAsync("/api/v1/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var audit = await admin.GetStringAsync("/api/v1/audit?event_type=ROLE_CHANGED");
        Assert.That(audit, Does.Contain("from=user to=admin"));
    }

    [Test]
    public async Task Disabling_a_user_ends_their_sessions_and_their_sign_in()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var account = await Factory.CreateAccountAsync();
        using var client = Factory.CreateClientWithToken((await Factory.LoginAsync(account.Username, account.Password)).AccessToken);

        Assert.That((await admin.PostAsync($"/api/v1/users/{account.Id}/disable", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await client.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var anonymous = Factory.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = account.Username, password = account.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Creating_a_user_with_a_taken_name_is_409_and_with_a_bad_role_is_400()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var account = await Factory.CreateAccountAsync();

        var taken = await admin.PostAsJsonAsync("/api/v1/users", new { username = account.Username.ToUpperInvariant(), password = "another-long-password", role = "user" });
        var badRole = await admin.PostAsJsonAsync("/api/v1/users", new { username = "someone", password = "another-long-password", role = "root" });

        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(badRole.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badRole.Content.ReadAsStringAsync(), Does.Contain("role"));
    }

    [Test]
    public async Task The_last_admin_cannot_be_demoted()
    {
        await using var factory = new ApiFactory();
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();
        var me = JsonNode.Parse(await admin.GetStringAsync("/api/v1/auth/me"))!["id"]!.GetValue<string>();

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{me}/role", new { role = "user" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }
}
