using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests;

/// <summary>POST /api/v2/analyze with a context: the value is judged by where it came from.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AnalyzeV2ContextTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    // A backslash-led path that browsers resolve to another host.
    private const string OffSiteUrl = "/\\e.test/welcome";

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

    private static bool Threat(JsonNode body) => body["analysis"]!["threat"]!.GetValue<bool>();

    [Test]
    public async Task An_off_site_url_is_a_redirect_attack_in_a_redirect_target_field_and_benign_in_a_free_text_field()
    {
        var redirect = await AnalyzeAsync(new { input = OffSiteUrl, context = new { field = "redirect_uri", location = "query" } });
        var comment = await AnalyzeAsync(new { input = OffSiteUrl, context = new { field = "comment", location = "form" } });
        Assert.Multiple(() =>
        {
            Assert.That(Threat(redirect), Is.True);
            Assert.That(redirect["analysis"]!["type"]!.GetValue<string>(), Is.EqualTo("open_redirect"));
            Assert.That(Threat(comment), Is.False);
            Assert.That(comment["findings"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task A_traversal_in_a_header_the_browser_fills_is_not_judged_but_the_same_value_in_a_parameter_is()
    {
        // Browser-filled headers are judged only for the families an attacker can push through them.
        const string traversal = "../../../etc/ssh/sshd_config";
        var header = await AnalyzeAsync(new { input = traversal, context = new { field = "Accept-Language", location = "header" } });
        var parameter = await AnalyzeAsync(new { input = traversal, context = new { field = "file", location = "query" } });
        Assert.Multiple(() =>
        {
            Assert.That(Threat(header), Is.False);
            Assert.That(Threat(parameter), Is.True);
        });
    }

    [TestCase("{\"location\":\"fragment\"}", "context.location", TestName = "An unknown location kind is a 400 naming context.location")]
    [TestCase("{\"location\":\"header\"}", "context.field", TestName = "A header context without its name is a 400 naming context.field")]
    [TestCase("{\"location\":\"query\",\"content_type\":\"not a type\"}", "context.content_type", TestName = "A content type that is no media type is a 400")]
    public async Task Invalid_context(string context, string field)
    {
        using var content = new StringContent($"{{\"input\":\"abc\",\"context\":{context}}}", System.Text.Encoding.UTF8, "application/json");
        var response = await _user.PostAsync("/api/v2/analyze", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain(field));
    }

    [Test]
    public async Task A_field_name_over_128_characters_is_a_400()
    {
        var response = await _user.PostAsJsonAsync("/api/v2/analyze", new { input = "abc", context = new { field = new string('f', 129), location = "query" } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("context.field"));
    }
}
