using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Http;

/// <summary>The dashboard's Server-Sent Events feed and the headers of the dashboard's page.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class LiveFeedTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    // A bound for a hung stream, not a speed claim: the feed polls once a second.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected override bool SignInAdmin => true;

    [Test]
    public async Task The_feed_needs_an_analyst_or_admin_token()
    {
        using var user = await Factory.CreateUserClientAsync();

        using var anonymous = await Anonymous.GetAsync("/api/v1/live", HttpCompletionOption.ResponseHeadersRead);
        using var plain = await user.GetAsync("/api/v1/live", HttpCompletionOption.ResponseHeadersRead);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_stored_threat_is_announced_with_its_id_to_a_subscriber()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await Admin.GetAsync("/api/v1/live", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        await ReadEventAsync(events, "ready", timeout.Token);

        var analyzed = await (await Admin.PostAsJsonAsync("/api/v1/analyze", new { input = "0 OR 1=1; DROP TABLE orders --" }, timeout.Token)).Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
        Assert.That(analyzed!["analysis"]!["threat"]!.GetValue<bool>(), Is.True);
        var announced = await ReadEventAsync(events, "threat", timeout.Token);

        var newest = (await Admin.GetFromJsonAsync<JsonObject>("/api/v1/threats?page_size=1", timeout.Token))!["items"]![0]!["id"]!.GetValue<string>();
        Assert.That(announced["id"]!.GetValue<string>(), Is.EqualTo(newest));
    }

    [Test]
    public async Task A_threat_stored_by_another_instance_on_the_same_database_is_announced_too()
    {
        await using var second = await new ApiFactory { Provider = Provider, SharedConnectionString = Factory.ConnectionString }.StartAsync();
        using var other = second.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await second.LoginAsync(Factory.AdminUsername, Factory.AdminPassword)).AccessToken);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await Admin.GetAsync("/api/v1/live", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        await ReadEventAsync(events, "ready", timeout.Token);

        Assert.That((await other.PostAsJsonAsync("/api/v1/analyze", new { input = "../../../../../etc/gshadow" }, timeout.Token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var announced = await ReadEventAsync(events, "threat", timeout.Token);

        var stored = await second.QueryAsync(db => Task.FromResult(db.Threats.OrderByDescending(t => t.DetectedAt).First().Id));
        Assert.That(announced["id"]!.GetValue<Guid>(), Is.EqualTo(stored));
    }

    [Test]
    public async Task The_dashboard_page_is_public_and_runs_under_a_csp_without_inline_script_or_style()
    {
        using var page = await Anonymous.GetAsync("/");
        var body = await page.Content.ReadAsStringAsync();
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        using var script = await Anonymous.GetAsync("/app.js");
        using var api = await Admin.GetAsync("/api/v1/nothing-here");

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(body, Does.Contain("src=\"/app.js\""));
            Assert.That(body, Does.Not.Contain("<script>").And.Not.Contain("style="), "no inline script or style in the page");
            Assert.That(csp, Does.Contain("script-src 'self'").And.Contain("style-src 'self'").And.Contain("frame-ancestors 'none'"));
            Assert.That(csp, Does.Not.Contain("unsafe-inline").And.Not.Contain("unsafe-eval"));
            Assert.That(page.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(script.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(csp));
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no catch-all route swallows unknown API paths");
            Assert.That(api.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'; frame-ancestors 'none'"));
        });
    }

    /// <summary>Reads events until one of the given type arrives; returns its JSON data.</summary>
    private static async Task<JsonObject> ReadEventAsync(StreamReader events, string type, CancellationToken cancellationToken)
    {
        string? current = null;
        while (await events.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                current = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && current == type)
            {
                return JsonNode.Parse(line["data: ".Length..])!.AsObject();
            }
        }

        throw new AssertionException($"the stream ended before a '{type}' event");
    }
}
