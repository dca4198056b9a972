using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Observability;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class MetricsTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    protected override ApiFactory CreateFactory()
    {
        var factory = new ApiFactory { Provider = Provider }.TrustingForwardedFor();

        // Rate limiting on, with a sign-in allowance small enough for the test to meet a 429; the guesses come from
        // an address of their own, so the admin's and other tests' sign-ins do not use up its allowance.
        factory.Settings["RateLimiting:Enabled"] = "true";
        factory.Settings["RateLimiting:LoginPermitsPerMinute"] = "8";
        return factory;
    }

    [Test]
    public async Task Metrics_are_refused_to_an_anonymous_caller()
    {
        var response = await Anonymous.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("infinitesecurity_"));
    }

    [Test]
    public async Task Metrics_are_refused_to_a_signed_in_user_who_is_not_an_admin()
    {
        using var user = await Factory.CreateUserClientAsync();

        var response = await user.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task After_an_analysis_failed_sign_ins_and_a_429_the_admin_scrape_names_every_service_metric()
    {
        var attack = await Admin.PostAsJsonAsync("/api/v1/analyze", new { input = "9' OR 'z'='z' --" });
        Assert.That(attack.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonNode.Parse(await attack.Content.ReadAsStringAsync())!["analysis"]!["threat"]!.GetValue<bool>(), Is.True);

        var account = await Factory.CreateAccountAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
            {
                Content = JsonContent.Create(new { username = account.Username, password = "not-the-password-" + i }),
            };
            request.Headers.Add("X-Forwarded-For", "203.0.113.41");
            var login = await Anonymous.SendAsync(request);
            statuses.Add(login.StatusCode);
        }

        Assert.That(statuses, Has.Member((HttpStatusCode)423).And.Member(HttpStatusCode.TooManyRequests));

        string[] expected =
        [
            "infinitesecurity_analyses_total{",
            "infinitesecurity_threats_total{",
            "family=\"sql_injection\"",
            "infinitesecurity_rule_hits_total{",
            "infinitesecurity_login_failures_total{",
            "infinitesecurity_lockouts_total",
            "infinitesecurity_rate_limited_total{",
            "infinitesecurity_writer_batch_size_bucket{",
            "infinitesecurity_writer_commit_duration_seconds_bucket{",
            "infinitesecurity_writer_queue_depth",
            "infinitesecurity_spool_size_bytes",
            "http_server_request_duration_seconds_bucket{",
            "http_route=\"api/v1/analyze\"",
        ];

        // The exporter caches a scrape for a moment; poll until one taken after the requests arrives.
        var scrape = string.Empty;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var response = await Admin.GetAsync("/metrics");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            scrape = await response.Content.ReadAsStringAsync();
            if (expected.All(scrape.Contains))
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.That(expected.Where(name => !scrape.Contains(name, StringComparison.Ordinal)), Is.Empty, scrape);
        Assert.That(scrape, Does.Not.Contain(account.Username));
    }

    [Test]
    public async Task Readiness_gives_an_admin_each_check_and_an_anonymous_probe_only_the_status()
    {
        var anonymous = await Anonymous.GetStringAsync("/health/ready");
        var admin = JsonNode.Parse(await Admin.GetStringAsync("/health/ready"))!;

        Assert.That(anonymous, Is.EqualTo("Healthy"));
        Assert.That(admin["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
        Assert.That(admin["checks"]!.AsObject().Select(c => c.Key), Is.EquivalentTo(new[] { "database", "spool", "siem_forwarders" }));
        Assert.That(admin["checks"]!["database"]!["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
    }
}
