using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Http;

/// <summary>Every error a client can meet is RFC 9457 problem+json with type, title, status and traceId, and says what is wrong without framework internals.</summary>
public sealed class ErrorShapeTests
{
    private ApiFactory _factory = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await new ApiFactory().StartAsync();
        _admin = await _factory.CreateAdminClientAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    private static async Task<JsonObject> ProblemOf(HttpResponseMessage response, int expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.That(body["type"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, text);
        Assert.That(body["title"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, text);
        Assert.That(body["status"]?.GetValue<int>(), Is.EqualTo(expected), text);
        Assert.That(body["traceId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, text);
        return body;
    }

    [TestCase("/api/v1/auth/login", "{\"username\":5,\"password\":\"x\"}", "username", "string")]
    [TestCase("/api/v1/auth/refresh", "{\"refresh_token\":[1]}", "refresh_token", "string")]
    [TestCase("/api/v1/users", "{\"username\":true,\"password\":\"p\",\"role\":\"user\"}", "username", "string")]
    [TestCase("/api/v1/clients", "{\"name\":\"n\",\"scopes\":\"analyze\"}", "scopes", "array")]
    [TestCase("/api/v1/analyze", "{\"input\":42}", "input", "string")]
    public async Task A_wrong_json_type_is_400_problem_naming_the_field_and_what_is_expected_without_internals(string path, string json, string field, string expected)
    {
        var response = await _admin.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemOf(response, 400);
        Assert.That(problem["errors"], Is.Not.Null, problem.ToJsonString());
        var errors = problem["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Has.Member(field), errors.ToJsonString());
        var message = errors[field]![0]!.GetValue<string>();
        Assert.That(message, Does.Contain(expected));
        Assert.That(problem.ToJsonString(), Does.Not.Contain("System.").And.Not.Contain("LineNumber").And.Not.Contain("BytePosition").And.Not.Contain("Path: $"));
    }

    [TestCase("/api/v1/auth/login")]
    [TestCase("/api/v1/auth/refresh")]
    [TestCase("/api/v1/users")]
    [TestCase("/api/v1/clients")]
    public async Task A_body_that_is_not_json_is_415_problem(string path)
    {
        var response = await _admin.PostAsync(path, new StringContent("username=x", Encoding.UTF8, "text/plain"));

        await ProblemOf(response, 415);
    }

    [Test]
    public async Task A_locked_name_is_423_problem_with_a_type()
    {
        using var anonymous = _factory.CreateClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = "ghost-423", password = "wrong-password" });
        }

        await ProblemOf(last, 423);
    }

    [Test]
    public async Task A_request_line_over_the_limit_is_414_problem()
    {
        using var anonymous = _factory.CreateClient();

        var response = await anonymous.GetAsync("/api/v1/threats?q=" + new string('a', 10_000));

        await ProblemOf(response, 414);
    }

    [Test]
    public async Task Request_headers_over_the_limit_are_431_problem()
    {
        using var anonymous = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('a', 40_000));

        var response = await anonymous.SendAsync(request);

        await ProblemOf(response, 431);
    }
}
