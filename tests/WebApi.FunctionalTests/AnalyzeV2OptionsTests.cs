using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests;

/// <summary>POST /api/v2/analyze with analysis_depth and include_recommendations.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AnalyzeV2OptionsTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    // A quote breakout, a markup tag and a shell chain in one value: three families.
    private const string Mixed = "x' or 'q'='q <img src=n onerror=alert(2)> ; cat /etc/hosts";

    private HttpClient _user = null!;

    [OneTimeSetUp]
    public async Task SignIn() => _user = await Factory.CreateUserClientAsync();

    [OneTimeTearDown]
    public void SignOut() => _user.Dispose();

    private async Task<JsonNode> AnalyzeAsync(object body)
    {
        var response = await _user.PostAsJsonAsync("/api/v2/analyze", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    private static string[] Families(JsonNode body) =>
        body["findings"]!.AsArray().Select(f => f!["category"]!.GetValue<string>()).Distinct().ToArray();

    [Test]
    public async Task Basic_depth_answers_with_fewer_findings_than_deep_and_both_call_it_an_attack()
    {
        var basic = await AnalyzeAsync(new { input = Mixed, analysis_depth = "basic" });
        var standard = await AnalyzeAsync(new { input = Mixed });
        var deep = await AnalyzeAsync(new { input = Mixed, analysis_depth = "deep" });
        Assert.Multiple(() =>
        {
            Assert.That(basic["analysis"]!["threat"]!.GetValue<bool>(), Is.True);
            Assert.That(deep["analysis"]!["threat"]!.GetValue<bool>(), Is.True);
            Assert.That(Families(basic), Has.Length.EqualTo(1));
            Assert.That(basic["findings"]!.AsArray(), Has.Count.LessThan(deep["findings"]!.AsArray().Count));
            Assert.That(deep["findings"]!.AsArray(), Has.Count.GreaterThanOrEqualTo(standard["findings"]!.AsArray().Count));
        });
    }

    [Test]
    public async Task Recommendations_name_one_remediation_per_family_found_with_a_reference_and_only_when_asked()
    {
        var with = await AnalyzeAsync(new { input = Mixed, include_recommendations = true });
        var without = await AnalyzeAsync(new { input = Mixed });
        var recommendations = with["recommendations"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(recommendations.Select(r => r!["family"]!.GetValue<string>()), Is.EquivalentTo(Families(with)));
            Assert.That(recommendations.Select(r => r!["reference"]!.GetValue<string>()), Has.All.StartWith("https://cheatsheetseries.owasp.org/"));
            Assert.That(recommendations.Single(r => r!["family"]!.GetValue<string>() == "sql_injection")!["advice"]!.GetValue<string>(),
                Does.Contain("parameterised queries"));
            Assert.That(without.AsObject().ContainsKey("recommendations"), Is.False);
        });
    }

    [Test]
    public async Task An_unknown_depth_is_a_400_naming_the_field()
    {
        var response = await _user.PostAsJsonAsync("/api/v2/analyze", new { input = Mixed, analysis_depth = "thorough" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("analysis_depth"));
    }
}
