using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InfiniteSecurity.AspNetCore.Tests.Infrastructure;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.AspNetCore.Tests;

public sealed class BlockModeTests
{
    private ProtectedHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await ProtectedHost.StartAsync(new Dictionary<string, string?> { ["ThreatDetection:Mode"] = "Block" });

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [SetUp]
    public void Forget() => _host.Executions.Clear();

    [Test]
    public async Task An_attack_in_the_query_is_answered_403_problem_json_and_the_endpoint_does_not_run()
    {
        using var response = await _host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var problem = await Problem.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(problem.Status, Is.EqualTo(403));
            Assert.That(problem.Type, Does.StartWith("https://"));
            Assert.That(problem.Title, Is.EqualTo("Request blocked"));
            Assert.That(problem.TraceId, Is.Not.Empty);
            Assert.That(problem.Family, Is.EqualTo(ThreatCategory.SqlInjection));
            Assert.That(problem.RuleId, Does.StartWith("sqli."));
            Assert.That(problem.Raw, Does.Not.Contain("OR '1'").And.Not.Contain("OR \\u00271"), "no evidence is echoed");
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        });
        Assert.That(_host.Executions, Is.Empty, "the endpoint must not run");
    }

    [Test]
    public async Task A_benign_browser_like_request_with_cookies_headers_and_a_json_body_reaches_the_app()
    {
        const string comment = """{"author":"Anna K.","text":"Arrived in 2 days & fits well - would buy again :) 5/5","rating":5,"tags":["fast","good fit"],"reply_to":null}""";
        using var request = Inputs.BrowserLike(HttpMethod.Post, "/comments?lang=de&ref=%2Fproducts%2F42", Inputs.Json(comment));

        using var response = await _host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var execution = _host.SingleExecution();
        Assert.That(execution.Feature, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(execution.Feature!.Inspected, Is.True);
            Assert.That(execution.Feature.IsThreat, Is.False);
            Assert.That(execution.Feature.Verdict!.ValuesInspected, Is.GreaterThan(5), "query, cookies, headers and JSON fields were all inspected");
            Assert.That(execution.Value, Is.EqualTo("Arrived in 2 days & fits well - would buy again :) 5/5"), "the app still reads the JSON body");
        });
    }

    [Test]
    public async Task An_attack_in_a_json_body_is_blocked_before_the_endpoint_reads_it()
    {
        using var response = await _host.Client.PostAsync("/comments", Inputs.Json(JsonSerializer.Serialize(new { author = "a", text = Inputs.SqlInjection })));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Problem.ReadAsync(response)).Family, Is.EqualTo(ThreatCategory.SqlInjection));
        Assert.That(_host.Executions, Is.Empty);
    }

    [Test]
    public async Task An_attack_in_a_form_field_of_a_multipart_upload_is_blocked_and_a_benign_upload_is_read_whole()
    {
        using var attack = new MultipartFormDataContent { { new StringContent(Inputs.Xss), "title" } };
        using var blocked = await _host.Client.PostAsync("/upload", attack);

        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes("name,size\nshoe,42\n"));
        file.Headers.ContentType = new("text/csv");
        using var benign = new MultipartFormDataContent { { new StringContent("Spring catalogue"), "title" }, { file, "file", "catalogue.csv" } };
        using var allowed = await _host.Client.PostAsync("/upload", benign);

        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await allowed.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await allowed.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("title").GetString(), Is.EqualTo("Spring catalogue"));
        Assert.That(json.RootElement.GetProperty("file_text").GetString(), Is.EqualTo("name,size\nshoe,42\n"));
        Assert.That(_host.Executions.Select(e => e.Path), Is.EqualTo(new[] { "/upload" }), "only the benign upload ran");
    }

    [Test]
    public async Task A_blocked_request_is_logged_with_rule_location_and_a_hash_of_the_value_but_never_the_value()
    {
        const string payload = "zz' OR '7'='7";
        using var response = await _host.Client.GetAsync("/search?q=" + Inputs.Query(payload));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
        // The middleware's own lines (the framework's request logging is the app's choice, not ours).
        var lines = _host.Logs.Lines.Where(l => l.Contains(" InfiniteSecurity.", StringComparison.Ordinal)).ToArray();
        Assert.That(lines, Has.Some.Contains("Request blocked: sql_injection"));
        Assert.That(lines.Any(l => l.Contains("at query:q", StringComparison.Ordinal) && l.Contains(sha, StringComparison.Ordinal) && l.Contains($"length {payload.Length}", StringComparison.Ordinal)),
            Is.True, string.Join("\n", lines));
        Assert.That(lines, Has.None.Contains("'7'='7"));
        Assert.That(lines, Has.None.Contains("%277%27"));
    }

    [TestCase("Cookie", "theme=dark; prefs=", "cookie:prefs")]
    [TestCase("X-Customer-Ref", "", "header:X-Customer-Ref")]
    public async Task An_attack_in_a_cookie_or_a_header_is_blocked_and_named_by_its_location(string header, string prefix, string location)
    {
        var seen = new List<string>();
        await using var host = await ProtectedHost.StartAsync(add: o => o.OnDetection = c =>
        {
            lock (seen)
            {
                seen.AddRange(c.Detection.Verdict!.Findings.Select(f => f.Location));
            }

            return Task.CompletedTask;
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=boots");
        request.Headers.TryAddWithoutValidation(header, prefix + Inputs.Query(Inputs.SqlInjection));

        using var response = await host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(seen, Has.Member(location));
        Assert.That(host.Executions, Is.Empty);
    }

    [Test]
    public async Task An_attack_in_an_xml_body_is_blocked()
    {
        using var content = new StringContent("<order><note>" + System.Security.SecurityElement.Escape(Inputs.SqlInjection) + "</note></order>", Encoding.UTF8, "application/xml");

        using var response = await _host.Client.PostAsync("/raw", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(_host.Executions, Is.Empty);
    }

    [Test]
    public async Task Concurrent_requests_each_get_their_own_verdict()
    {
        var requests = Enumerable.Range(0, 60).Select(async i =>
        {
            var attack = i % 3 == 0;
            var text = attack ? Inputs.SqlInjection + i : $"order {i} arrived, thanks";
            using var response = await _host.Client.PostAsync("/comments", Inputs.Json(JsonSerializer.Serialize(new { text })));
            return (Attack: attack, response.StatusCode, Body: await response.Content.ReadAsStringAsync(), Text: text);
        });

        var results = await Task.WhenAll(requests);

        Assert.That(results.Where(r => r.Attack).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(results.Where(r => !r.Attack).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(results.Where(r => !r.Attack).All(r => r.Body.Contains(r.Text, StringComparison.Ordinal)), Is.True, "each app saw its own body");
        Assert.That(_host.Executions, Has.Count.EqualTo(40));
        Assert.That(_host.Executions.Select(e => e.Feature!.IsThreat), Has.All.False);
    }
}
