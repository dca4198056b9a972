using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Http;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ThreatPagingTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    [TestCase("/api/v1/threats?page=2147483647", "page")]
    [TestCase("/api/v1/threats?page=1000001", "page")]
    [TestCase("/api/v1/threats?page=0", "page")]
    [TestCase("/api/v1/threats?page=99999999999", "page")]
    [TestCase("/api/v1/threats?page=abc", "page")]
    [TestCase("/api/v1/threats?page_size=501", "page_size")]
    [TestCase("/api/v1/threats?page_size=0", "page_size")]
    [TestCase("/api/v1/audit?page=2147483647", "page")]
    public async Task A_page_out_of_range_is_400_problem_naming_the_field(string url, string field)
    {
        var response = await Admin.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Has.Member(field), text);
        Assert.That(text, Does.Not.Contain("System."));
    }

    [Test]
    public async Task The_old_page_parameter_is_refused_with_a_message_pointing_to_the_cursor()
    {
        var response = await Admin.GetAsync("/api/v1/threats?page=1");
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(JsonNode.Parse(text)!["errors"]!["page"]!.ToJsonString(), Does.Contain("cursor"));
    }

    [Test]
    public async Task The_largest_page_size_is_accepted_and_an_empty_list_has_no_next_cursor()
    {
        var response = await Admin.GetAsync("/api/v1/threats?page_size=500");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["items"]!.AsArray(), Is.Empty);
        Assert.That(body["next_cursor"], Is.Null);
        Assert.That(body["total"]!.GetValue<int>(), Is.Zero);
    }
}
