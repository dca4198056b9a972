using Duende.IdentityModel.Client;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

/// <summary>OAuth 2.0 client credentials (RFC 6749 §4.4) spoken by hand over HttpClient, as any client would.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ClientCredentialsTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    private async Task<(string Id, string ClientId, string Secret)> CreateClient(params string[] scopes)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/clients", new { name = "gateway", scopes });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        return (body["client"]!["id"]!.GetValue<string>(), body["client"]!["client_id"]!.GetValue<string>(), body["client_secret"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> RequestToken(Dictionary<string, string> form, AuthenticationHeaderValue? basic = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = basic;
        return Anonymous.SendAsync(request);
    }

    private Task<string> TokenFor(string clientId, string secret, string? scope = null) =>
        Anonymous.ClientCredentialsTokenAsync(clientId, secret, ClientCredentialStyle.PostBody, scope);

    [TestCase(ClientCredentialStyle.AuthorizationHeader)]
    [TestCase(ClientCredentialStyle.PostBody)]
    public async Task A_standard_oauth_client_library_obtains_a_token_that_the_api_accepts(ClientCredentialStyle style)
    {
        var gateway = await CreateClient("analyze");

        var token = await Anonymous.ClientCredentialsTokenAsync(gateway.ClientId, gateway.Secret, style);

        using var machine = Factory.CreateClientWithToken(token);
        var response = await machine.PostAsync("/api/v1/analyze", new StringContent("{\"input\":\"hello\"}", Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<string> OAuthError(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
    }

    [Test]
    public async Task A_client_with_the_analyze_scope_gets_a_token_and_can_analyze()
    {
        var client = await CreateClient("analyze");
        var response = await RequestToken(new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["token_type"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        Assert.That(body["scope"]!.GetValue<string>(), Is.EqualTo("analyze"));
        Assert.That(body["expires_in"]!.GetValue<int>(), Is.GreaterThan(0));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        using var machine = Factory.CreateClientWithToken(body["access_token"]!.GetValue<string>());
        Assert.That((await machine.PostAsJsonAsync("/api/v1/analyze", new { input = "../../etc/hostname" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Http_basic_client_authentication_works_too()
    {
        var client = await CreateClient("analyze");
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.Secret}")));

        var response = await RequestToken(new() { ["grant_type"] = "client_credentials" }, basic);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Scopes_limit_what_a_client_token_can_do()
    {
        var siem = await CreateClient("siem:read");
        using var machine = Factory.CreateClientWithToken(await TokenFor(siem.ClientId, siem.Secret));

        Assert.That((await machine.PostAsJsonAsync("/api/v1/analyze", new { input = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await machine.GetAsync("/api/v1/users")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await machine.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await machine.GetAsync("/api/v1/auth/sessions")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("application/json", "{\"grant_type\":\"client_credentials\",\"client_id\":\"cl_x\",\"client_secret\":\"s\"}")]
    [TestCase("text/plain", "grant_type=client_credentials&client_id=cl_x&client_secret=s")]
    public async Task A_body_that_is_not_form_encoded_is_400_invalid_request(string mediaType, string body)
    {
        var response = await Anonymous.PostAsync("/connect/token", new StringContent(body, Encoding.UTF8, mediaType));

        Assert.That(await OAuthError(response, HttpStatusCode.BadRequest), Is.EqualTo("invalid_request"));
    }

    [Test]
    public async Task A_siem_read_only_token_reaches_the_siem_event_stream_and_nothing_else()
    {
        var siem = await CreateClient("siem:read");
        using var machine = Factory.CreateClientWithToken(await TokenFor(siem.ClientId, siem.Secret));
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.VersionedRoute())))
            .Distinct().ToArray();
        Assert.That(endpoints, Has.Length.GreaterThan(10));
        Assert.That(endpoints, Does.Contain(("GET", "api/v1/siem/events")));

        var allowed = new List<string>();
        foreach (var (method, route) in endpoints)
        {
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(route.TrimStart('/'), "{[^}]+}", Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
            };
            var response = await machine.SendAsync(request);
            if (method == "GET" && route == "api/v1/siem/events")
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "siem:read grants the SIEM event stream");
                continue;
            }

            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                allowed.Add($"{method} {route} -> {(int)response.StatusCode}");
            }
        }

        Assert.That(allowed, Is.Empty);
    }

    [Test]
    public async Task Asking_for_a_scope_the_client_was_not_granted_is_invalid_scope()
    {
        var client = await CreateClient("analyze");

        var response = await RequestToken(new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret, ["scope"] = "analyze siem:read" });

        Assert.That(await OAuthError(response, HttpStatusCode.BadRequest), Is.EqualTo("invalid_scope"));
    }

    [Test]
    public async Task Protocol_errors_use_rfc_6749_error_codes()
    {
        var client = await CreateClient("analyze");

        Assert.That(await OAuthError(await RequestToken(new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = "wrong" }), HttpStatusCode.Unauthorized), Is.EqualTo("invalid_client"));
        Assert.That(await OAuthError(await RequestToken(new() { ["grant_type"] = "client_credentials", ["client_id"] = "cl_unknown", ["client_secret"] = "wrong" }), HttpStatusCode.Unauthorized), Is.EqualTo("invalid_client"));
        Assert.That(await OAuthError(await RequestToken(new() { ["grant_type"] = "password", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret }), HttpStatusCode.BadRequest), Is.EqualTo("unsupported_grant_type"));
        Assert.That(await OAuthError(await RequestToken(new() { ["client_id"] = client.ClientId, ["client_secret"] = client.Secret }), HttpStatusCode.BadRequest), Is.EqualTo("invalid_request"));
        Assert.That(await OAuthError(await RequestToken(new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId }), HttpStatusCode.BadRequest), Is.EqualTo("invalid_request"));
    }

    [Test]
    public async Task The_secret_is_stored_only_as_a_hash()
    {
        var client = await CreateClient("analyze");

        var stored = await Factory.QueryAsync(db => db.MachineClients.Where(c => c.ClientId == client.ClientId).Select(c => c.SecretHash).SingleAsync());

        Assert.That(stored, Is.Not.EqualTo(client.Secret).And.Not.Contain(client.Secret));
        Assert.That(await Admin.GetStringAsync("/api/v1/clients"), Does.Not.Contain(client.Secret).And.Not.Contain(stored));
    }

    [Test]
    public async Task Rotating_the_secret_retires_the_old_one()
    {
        var client = await CreateClient("analyze");

        var rotated = JsonNode.Parse(await (await Admin.PostAsync($"/api/v1/clients/{client.Id}/secret", null)).Content.ReadAsStringAsync())!;
        var newSecret = rotated["client_secret"]!.GetValue<string>();

        Assert.That(await OAuthError(await RequestToken(new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret }), HttpStatusCode.Unauthorized), Is.EqualTo("invalid_client"));
        Assert.That(await TokenFor(client.ClientId, newSecret), Is.Not.Empty);
    }

    [Test]
    public async Task Revoking_a_client_refuses_its_existing_tokens_and_new_ones()
    {
        var client = await CreateClient("analyze");
        using var machine = Factory.CreateClientWithToken(await TokenFor(client.ClientId, client.Secret));
        Assert.That((await machine.PostAsJsonAsync("/api/v1/analyze", new { input = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await Admin.DeleteAsync($"/api/v1/clients/{client.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await machine.PostAsJsonAsync("/api/v1/analyze", new { input = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await OAuthError(await RequestToken(new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret }), HttpStatusCode.Unauthorized), Is.EqualTo("invalid_client"));
        var audit = await Admin.GetStringAsync("/api/v1/audit?event_type=CLIENT_REVOKED");
        Assert.That(audit, Does.Contain(client.ClientId));
    }

    [Test]
    public async Task A_client_sees_only_the_threats_its_own_requests_produced()
    {
        var first = await CreateClient("analyze");
        var second = await CreateClient("analyze");
        using var firstMachine = Factory.CreateClientWithToken(await TokenFor(first.ClientId, first.Secret));
        using var secondMachine = Factory.CreateClientWithToken(await TokenFor(second.ClientId, second.Secret));
        var threatId = JsonNode.Parse(await (await firstMachine.PostAsJsonAsync("/api/v2/analyze", new { input = "<script>alert(41)</script>" })).Content.ReadAsStringAsync())!["threat_id"]!.GetValue<string>();

        Assert.That((await firstMachine.GetAsync($"/api/v1/threats/{threatId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await secondMachine.GetAsync($"/api/v1/threats/{threatId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
