using System.Net;
using InfiniteSecurity.AspNetCore.Tests.Infrastructure;

namespace InfiniteSecurity.AspNetCore.Tests;

public sealed class ExclusionTests
{
    private ProtectedHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await ProtectedHost.StartAsync(new Dictionary<string, string?>
    {
        ["ThreatDetection:ExcludedPaths:0"] = "/health",
        ["ThreatDetection:Exclusions:0:Id"] = "search-box-quotes-sql",
        ["ThreatDetection:Exclusions:0:PathPrefix"] = "/search",
        ["ThreatDetection:Exclusions:0:Location"] = "query:q",
        ["ThreatDetection:Exclusions:0:Family"] = "sql_injection",
    });

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [SetUp]
    public void Forget() => _host.Executions.Clear();

    [Test]
    public async Task An_excluded_path_is_not_inspected()
    {
        using var response = await _host.Client.GetAsync("/health/live?probe=" + Inputs.Query(Inputs.SqlInjection));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var feature = _host.SingleExecution().Feature!;
        Assert.That(feature.Inspected, Is.False);
        Assert.That(feature.NotInspectedReason, Is.EqualTo("excluded path"));
        Assert.That(feature.Verdict, Is.Null);
    }

    [TestCase("/healthcheck")]
    [TestCase("/api/health")]
    public async Task A_path_that_only_resembles_an_excluded_one_is_inspected(string path)
    {
        using var response = await _host.Client.GetAsync(path + "?probe=" + Inputs.Query(Inputs.SqlInjection));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_configured_exclusion_silences_its_rule_family_at_its_location_and_keeps_it_visible()
    {
        using var response = await _host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var verdict = _host.SingleExecution().Feature!.Verdict!;
        Assert.That(verdict.Analysis.IsThreat, Is.False);
        Assert.That(verdict.Excluded.Select(e => e.ExcludedBy), Has.All.EqualTo("search-box-quotes-sql").And.Not.Empty);
        Assert.That(verdict.Excluded.Select(e => e.Location), Has.All.EqualTo("query:q"));
    }

    [TestCase("/search?other=", "SQL injection in another parameter")]
    [TestCase("/find?q=", "SQL injection on another path")]
    public async Task The_exclusion_does_not_reach_beyond_its_scope(string target, string why)
    {
        using var response = await _host.Client.GetAsync(target + Inputs.Query(Inputs.SqlInjection));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), why);
    }

    [Test]
    public async Task The_exclusion_does_not_silence_another_family_at_its_location()
    {
        using var response = await _host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.Xss));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Problem.ReadAsync(response)).Family, Is.EqualTo("xss"));
    }
}
