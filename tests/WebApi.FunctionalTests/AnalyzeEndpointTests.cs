using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AnalyzeEndpointTests(DatabaseProvider provider)
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _factory = await new ApiFactory { Provider = provider, Settings = { ["Detection:MaxInputLength"] = "10000", ["Api:MaxRequestBodyBytes"] = "65536" } }.StartAsync();
        _client = await _factory.CreateUserClientAsync();
    }

    [OneTimeTearDown]
    public async Task StopService()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostJson(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonObject> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.That(body["status"]!.GetValue<int>(), Is.EqualTo((int)expected));
        Assert.That(body["traceId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        return body;
    }

    [Test]
    public void The_service_is_reached_over_real_http_on_a_loopback_port()
    {
        Assert.That(_client.BaseAddress!.Scheme, Is.EqualTo("http"));
        Assert.That(_client.BaseAddress.IsLoopback, Is.True);
        Assert.That(_client.BaseAddress.Port, Is.Not.EqualTo(80));
    }

    [Test]
    public async Task Sql_injection_tautology_is_a_threat_and_is_stored_with_an_audit_event()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/analyze", new { input = "admin' OR '1'='1" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(body["analysis"]!["threat"]!.GetValue<bool>(), Is.True);
            Assert.That(body["analysis"]!["type"]!.GetValue<string>(), Is.EqualTo("sql_injection"));
            Assert.That(body["analysis"]!["blocked"]!.GetValue<bool>(), Is.True);
            Assert.That(body["analysis"]!["risk_score"]!.GetValue<int>(), Is.InRange(1, 99));
            Assert.That(body["analysis"]!["patterns_matched"]!.AsArray(), Is.Not.Empty);
            Assert.That(body["decision"]!["action"]!.GetValue<string>(), Does.StartWith("BLOCK_"));
        });

        var requestId = Guid.Parse(body["request_id"]!.GetValue<string>());
        var stored = await _factory.QueryAsync(db => db.Threats.SingleOrDefaultAsync(t => t.RequestId == requestId));
        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.Category, Is.EqualTo("sql_injection"));
        Assert.That(stored.InputLength, Is.EqualTo("admin' OR '1'='1".Length));
        var audit = await _factory.QueryAsync(db => db.AuditEvents.Where(e => e.EventType == "THREAT_DETECTED").ToListAsync());
        Assert.That(audit.Any(e => e.Details!.Contains(stored.Id.ToString(), StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task Analyze_without_a_token_is_401_problem()
    {
        using var anonymous = _factory.CreateClient();

        await ProblemOf(await anonymous.PostAsJsonAsync("/api/v1/analyze", new { input = "hello" }), HttpStatusCode.Unauthorized);
        await ProblemOf(await anonymous.PostAsJsonAsync("/api/v2/analyze", new { input = "hello" }), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Stored_threat_records_the_signed_in_user_as_its_owner()
    {
        var me = JsonNode.Parse(await _client.GetStringAsync("/api/v1/auth/me"))!["id"]!.GetValue<string>();

        var response = await _client.PostAsJsonAsync("/api/v1/analyze", new { input = "<script>confirm(document.cookie)</script>" });

        var requestId = Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["request_id"]!.GetValue<string>());
        var stored = await _factory.QueryAsync(db => db.Threats.SingleAsync(t => t.RequestId == requestId));
        Assert.That(stored.UserId, Is.EqualTo(me));
    }

    [Test]
    public async Task Benign_input_is_not_a_threat_and_nothing_is_stored()
    {
        var before = await _factory.QueryAsync(db => db.Threats.CountAsync());

        var response = await _client.PostAsJsonAsync("/api/v1/analyze", new { input = "Please ship my order to 12 Baker Street by Friday." });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["analysis"]!["threat"]!.GetValue<bool>(), Is.False);
        Assert.That(body["analysis"]!["type"]!.GetValue<string>(), Is.EqualTo("none"));
        Assert.That(body["decision"]!["action"]!.GetValue<string>(), Is.EqualTo("ALLOW"));
        Assert.That(await _factory.QueryAsync(db => db.Threats.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task V2_returns_findings_with_their_evidence_and_the_stored_threat_id()
    {
        var response = await _client.PostAsJsonAsync("/api/v2/analyze", new { input = "<script>alert(41)</script>" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var findings = body["findings"]!.AsArray();
        Assert.That(findings, Is.Not.Empty);
        Assert.That(findings[0]!["category"]!.GetValue<string>(), Is.EqualTo("xss"));
        Assert.That(findings[0]!["reason"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(body["threat_id"]!.GetValue<string>(), Is.Not.Empty);
    }

    [TestCase("{}", "input")]
    [TestCase("{\"input\":\"\"}", "input")]
    [TestCase("{\"input\":null}", "input")]
    [TestCase("{\"input\":42}", "input")]
    [TestCase("{\"input\":[\"a\"]}", "input")]
    [TestCase("{\"input\":", "input")]
    [TestCase("not json at all", "body")]
    public async Task Bad_input_gets_a_validation_problem_naming_the_field(string json, string field)
    {
        var problem = await ProblemOf(await PostJson("/api/v1/analyze", json), HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Has.Some.StartsWith(field), errors.ToJsonString());
    }

    [Test]
    public async Task Input_over_the_limit_is_refused_naming_the_limit_never_truncated()
    {
        var before = await _factory.QueryAsync(db => db.Threats.CountAsync());
        var input = "' OR 2=2 -- " + new string('a', 10_000);

        var problem = await ProblemOf(await _client.PostAsJsonAsync("/api/v1/analyze", new { input }), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!["input"]![0]!.GetValue<string>(), Does.Contain("10000"));
        Assert.That(await _factory.QueryAsync(db => db.Threats.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task Body_over_the_configured_maximum_is_413()
    {
        var input = new string('a', 70_000);

        var problem = await ProblemOf(await _client.PostAsJsonAsync("/api/v1/analyze", new { input }), HttpStatusCode.RequestEntityTooLarge);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("65536"));
    }

    [Test]
    public async Task Non_json_body_is_415_problem()
    {
        var response = await _client.PostAsync("/api/v1/analyze", new StringContent("input=x", Encoding.UTF8, "text/plain"));

        await ProblemOf(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Unknown_route_is_404_problem() =>
        await ProblemOf(await _client.GetAsync("/api/v1/does-not-exist"), HttpStatusCode.NotFound);

    [Test]
    public async Task Wrong_method_is_405_problem() =>
        await ProblemOf(await _client.GetAsync("/api/v1/analyze"), HttpStatusCode.MethodNotAllowed);

    [Test]
    public async Task Json_contract_is_snake_case()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/analyze", new { input = "hello" });
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var names = doc.RootElement.EnumerateObject().Select(p => p.Name)
            .Concat(doc.RootElement.GetProperty("analysis").EnumerateObject().Select(p => p.Name))
            .Concat(doc.RootElement.GetProperty("decision").EnumerateObject().Select(p => p.Name));
        Assert.That(names, Is.SupersetOf(new[] { "request_id", "analysis", "decision", "timestamp", "threat", "confidence", "type", "severity", "blocked", "risk_score", "patterns_matched", "action", "alert_level", "requires_human_review" }));
    }
}
