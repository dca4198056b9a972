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
    [TestCase("/api/v1/threats?page_size=201", "page_size")]
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
    public async Task The_last_allowed_page_is_an_empty_page()
    {
        var response = await Admin.GetAsync("/api/v1/threats?page=1000000&page_size=200");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray(), Is.Empty);
    }
}
