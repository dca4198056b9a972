using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Inspection;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class InspectEndpointTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private HttpClient _user = null!;

    protected override bool SignInAdmin => true;

    protected override ApiFactory CreateFactory() => new() { Provider = Provider, Settings = { ["Api:MaxRequestBodyBytes"] = "65536" } };

    [OneTimeSetUp]
    public async Task SignInUser() => _user = await Factory.CreateUserClientAsync();

    [OneTimeTearDown]
    public void SignOutUser() => _user.Dispose();

    internal static HttpContent Raw(string message)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(message));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/http");
        return content;
    }

    internal static async Task<JsonObject> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<JsonObject> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.That(body["traceId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        return body;
    }

    internal static IEnumerable<JsonObject> Findings(JsonObject body) => body["findings"]!.AsArray().Select(f => f!.AsObject());

    [Test]
    public async Task Raw_request_with_sql_injection_in_the_query_is_one_verdict_located_and_stored_without_the_request()
    {
        // A benign marker in the body shows that nothing but the evidence spans is kept.
        const string Marker = "quiet-benign-marker-7c1";
        var form = $"note={Marker}";
        var message = $"POST /items/search?id=1%27%20OR%20%271%27%3D%271 HTTP/1.1\r\nHost: shop.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {form.Length}\r\n\r\n{form}";

        var body = await Ok(await _user.PostAsync("/api/v2/inspect", Raw(message)));

        Assert.Multiple(() =>
        {
            Assert.That(body["analysis"]!["threat"]!.GetValue<bool>(), Is.True);
            Assert.That(body["analysis"]!["type"]!.GetValue<string>(), Is.EqualTo("sql_injection"));
            Assert.That(body["analysis"]!["blocked"]!.GetValue<bool>(), Is.True);
            Assert.That(body["decision"]!["action"]!.GetValue<string>(), Does.StartWith("BLOCK_"));
            Assert.That(body["values_inspected"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(2));
            Assert.That(body["problems"]!.AsArray(), Is.Empty);
            Assert.That(Findings(body).Select(f => f["location"]!.GetValue<string>()), Has.Member("query:id"));
            Assert.That(Findings(body).All(f => f["excluded_by"] is null), Is.True);
            var first = Findings(body).First();
            Assert.That(first.Select(p => p.Key), Is.SupersetOf(new[] { "location", "rule_id", "type", "confidence", "view", "start", "length", "evidence", "reason" }));
        });

        var requestId = Guid.Parse(body["request_id"]!.GetValue<string>());
        var stored = await Factory.QueryAsync(db => db.Threats.SingleOrDefaultAsync(t => t.RequestId == requestId));
        Assert.That(stored, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(stored!.Id.ToString(), Is.EqualTo(body["threat_id"]!.GetValue<string>()));
            Assert.That(stored.Category, Is.EqualTo("sql_injection"));
            Assert.That(stored.Locations, Does.Contain("\"query:id\""));
            Assert.That(stored.Evidence, Does.Contain("query:id"));
            Assert.That(stored.Evidence, Does.Not.Contain(Marker));
            Assert.That(stored.InputLength, Is.EqualTo(Encoding.UTF8.GetByteCount(message)));
        });
        var view = JsonNode.Parse(await _user.GetStringAsync($"/api/v1/threats/{stored!.Id}"))!;
        Assert.That(view["locations"]!.AsArray().Select(l => l!.GetValue<string>()), Has.Member("query:id"));
        var audit = await Factory.QueryAsync(db => db.AuditEvents.Where(e => e.EventType == "THREAT_DETECTED").ToListAsync());
        Assert.That(audit.Any(e => e.Details!.Contains(stored!.Id.ToString(), StringComparison.Ordinal) && !e.Details.Contains(Marker, StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task Json_form_with_absolute_url_header_arrays_and_a_base64_body_is_inspected_like_the_raw_one()
    {
        var json = new JsonObject
        {
            ["method"] = "POST",
            ["url"] = "https://shop.test/comments?page=2",
            ["headers"] = new JsonObject
            {
                ["Content-Type"] = "application/x-www-form-urlencoded",
                ["Cookie"] = new JsonArray("theme=dark", "lang=en"),
            },
            ["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("text=%3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E")),
            ["body_encoding"] = "base64",
        };

        var body = await Ok(await _user.PostAsync("/api/v2/inspect", new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json")));

        Assert.That(body["analysis"]!["type"]!.GetValue<string>(), Is.EqualTo("xss"));
        Assert.That(Findings(body).Select(f => f["location"]!.GetValue<string>()), Has.Member("form:text"));
        Assert.That(body["values_inspected"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(3), "query, cookies and form values");
    }

    [Test]
    public async Task Benign_request_is_not_a_threat_and_is_not_stored()
    {
        var message = "GET /catalogue/shoes?colour=blue&size=42 HTTP/1.1\r\nHost: shop.test\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\nAccept: text/html\r\nCookie: theme=dark\r\n\r\n";

        var body = await Ok(await _user.PostAsync("/api/v2/inspect", Raw(message)));

        Assert.That(body["analysis"]!["threat"]!.GetValue<bool>(), Is.False);
        Assert.That(body["analysis"]!["type"]!.GetValue<string>(), Is.EqualTo("none"));
        Assert.That(body["decision"]!["action"]!.GetValue<string>(), Is.EqualTo("ALLOW"));
        Assert.That(body["threat_id"]?.GetValue<string>(), Is.Null);
        Assert.That(body["values_inspected"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(3));
        var requestId = Guid.Parse(body["request_id"]!.GetValue<string>());
        Assert.That(await Factory.QueryAsync(db => db.Threats.AnyAsync(t => t.RequestId == requestId)), Is.False);
    }

    [Test]
    public async Task Malformed_raw_message_is_400_saying_what_is_wrong()
    {
        var noColon = await Problem(await _user.PostAsync("/api/v2/inspect", Raw("GET /x HTTP/1.1\r\nHost: shop.test\r\nNoColonHere\r\n\r\n")), HttpStatusCode.BadRequest);
        var truncated = await Problem(await _user.PostAsync("/api/v2/inspect", Raw("POST /x HTTP/1.1\r\nHost: shop.test\r\nContent-Length: 10\r\n\r\nabc")), HttpStatusCode.BadRequest);

        static string Error(JsonObject problem) => problem["errors"]!["message"]!.AsArray().Single()!.GetValue<string>();
        Assert.That(Error(noColon), Does.StartWith("Malformed HTTP message: ").And.Contains("header line"));
        Assert.That(Error(truncated), Does.StartWith("Malformed HTTP message: ").And.Contains("Content-Length"));
        Assert.That((await _user.PostAsync("/api/v2/inspect", Raw(""))).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("{\"method\":\"GET\",\"url\":", "$")]
    [TestCase("{\"method\":\"GET\",\"url\":\"/x\",\"headers\":{\"X-Count\":3}}", "headers.X-Count")]
    [TestCase("{\"method\":\"GET\",\"url\":\"x y\"}", "url")]
    [TestCase("{\"method\":\"GET\",\"url\":\"ftp://host/x\"}", "url")]
    [TestCase("{\"url\":\"/x\"}", "method")]
    [TestCase("{\"method\":\"GET\",\"url\":\"/x\",\"headers\":{\"Bad Name\":\"v\"}}", "headers")]
    [TestCase("{\"method\":\"POST\",\"url\":\"/x\",\"body\":\"%%%\",\"body_encoding\":\"base64\"}", "body")]
    [TestCase("{\"method\":\"POST\",\"url\":\"/x\",\"body\":\"a\",\"body_encoding\":\"latin1\"}", "body_encoding")]
    public async Task Wrong_json_form_is_400_naming_the_field(string json, string field)
    {
        var problem = await Problem(await _user.PostAsync("/api/v2/inspect", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Some.StartsWith(field));
    }

    [Test]
    public async Task Body_over_the_limit_is_413_and_other_media_types_415()
    {
        var big = new string('a', 70_000);
        var message = $"POST /upload HTTP/1.1\r\nHost: shop.test\r\nContent-Length: {big.Length}\r\n\r\n{big}";

        await Problem(await _user.PostAsync("/api/v2/inspect", Raw(message)), HttpStatusCode.RequestEntityTooLarge);
        await Problem(await _user.PostAsync("/api/v2/inspect", new StringContent("GET / HTTP/1.1\r\n\r\n", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Same_authorization_as_analyze_users_and_machine_clients_with_the_analyze_scope()
    {
        const string Message = "GET /?q=1 HTTP/1.1\r\nHost: shop.test\r\n\r\n";
        using var analyzeClient = await Factory.CreateMachineClientAsync(Admin, "analyze");
        using var siemClient = await Factory.CreateMachineClientAsync(Admin, "siem:read");

        Assert.That((await analyzeClient.PostAsync("/api/v2/inspect", Raw(Message))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await siemClient.PostAsync("/api/v2/inspect", Raw(Message))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Anonymous.PostAsync("/api/v2/inspect", Raw(Message))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Swagger_documents_both_request_forms()
    {
        var doc = JsonNode.Parse(await Anonymous.GetStringAsync("/swagger/v2/swagger.json"))!;
        var content = doc["paths"]!["/api/v2/inspect"]!["post"]!["requestBody"]!["content"]!.AsObject();

        Assert.That(content["message/http"]!["schema"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        var jsonSchema = content["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var schema = doc["components"]!["schemas"]![jsonSchema.Split('/')[^1]]!["properties"]!.AsObject();
        Assert.That(schema.Select(p => p.Key), Is.SupersetOf(new[] { "method", "url", "headers", "body", "body_encoding" }));
        Assert.That(doc["paths"]!["/api/v2/inspect"]!["post"]!["responses"]!["200"], Is.Not.Null);
    }
}
