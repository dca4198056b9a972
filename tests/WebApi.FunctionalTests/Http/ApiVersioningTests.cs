using System.Net;
using System.Net.Http.Json;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Http;

/// <summary>Versions are URL segments; every answer says which versions an API has, and a v1 with a v2 successor says it is deprecated.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ApiVersioningTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;

    [TestCase("/api/v1/analyze")]
    [TestCase("/api/v2/analyze")]
    public async Task An_api_in_two_versions_reports_both(string path)
    {
        var response = await Admin.PostAsJsonAsync(path, new { input = "hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "api-supported-versions"), Is.EqualTo("1, 2"));
    }

    [Test]
    public async Task A_v1_answer_announces_its_deprecation_and_links_the_successor()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/analyze", new { input = "hello" });

        Assert.That(Header(response, "Deprecation"), Does.StartWith("@"));
        Assert.That(Header(response, "Link"), Does.Contain("/swagger/v2/swagger.json").And.Contain("rel=\"deprecation\""));
    }

    [Test]
    public async Task A_v2_answer_is_not_deprecated()
    {
        var response = await Admin.PostAsJsonAsync("/api/v2/analyze", new { input = "hello" });

        Assert.That(Header(response, "Deprecation"), Is.Empty);
    }

    [Test]
    public async Task An_api_that_exists_only_in_v1_is_not_deprecated()
    {
        var response = await Admin.GetAsync("/api/v1/audit");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "api-supported-versions"), Is.EqualTo("1"));
        Assert.That(Header(response, "Deprecation"), Is.Empty);
    }

    [TestCase("/api/v3/analyze")]
    [TestCase("/api/v1/inspect")]
    [TestCase("/api/v2/stats")]
    [TestCase("/api/vx/analyze")]
    public async Task A_version_that_an_api_does_not_have_is_a_problem_not_a_route(string path)
    {
        var response = await Admin.PostAsJsonAsync(path, new { input = "hello" });

        Assert.That((int)response.StatusCode, Is.AnyOf(400, 404));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
