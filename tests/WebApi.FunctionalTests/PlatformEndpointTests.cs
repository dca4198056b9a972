using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class PlatformEndpointTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    [Test]
    public async Task Liveness_reports_healthy()
    {
        var response = await Anonymous.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [TestCase("v1", "/api/v1/analyze", "/api/v2/analyze")]
    [TestCase("v2", "/api/v2/analyze", "/api/v1/analyze")]
    public async Task Each_version_has_its_own_openapi_document(string version, string present, string absent)
    {
        var doc = JsonNode.Parse(await Anonymous.GetStringAsync($"/swagger/{version}/swagger.json"))!;

        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.That(paths, Has.Member(present));
        Assert.That(paths, Has.No.Member(absent));
        Assert.That(doc["info"]!["version"]!.GetValue<string>(), Is.EqualTo(version));
    }

    [Test]
    public async Task Openapi_documents_the_contract_fields_from_xml_docs()
    {
        var doc = JsonNode.Parse(await Anonymous.GetStringAsync("/swagger/v1/swagger.json"))!;

        var analysis = doc["components"]!["schemas"]!["AnalysisView"]!["properties"]!;
        Assert.That(analysis["risk_score"]!["description"]!.GetValue<string>(), Does.Contain("0..99"));
        var responses = doc["paths"]!["/api/v1/analyze"]!["post"]!["responses"]!.AsObject().Select(r => r.Key);
        Assert.That(responses, Is.SupersetOf(new[] { "200", "400", "413", "415" }));
    }

    [TestCase("v1")]
    [TestCase("v2")]
    public async Task Each_openapi_document_declares_the_bearer_scheme_for_the_authorize_button(string version)
    {
        var doc = JsonNode.Parse(await Anonymous.GetStringAsync($"/swagger/{version}/swagger.json"))!;

        var scheme = doc["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.That(scheme["type"]!.GetValue<string>(), Is.EqualTo("http"));
        Assert.That(scheme["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
        Assert.That(doc["security"]!.AsArray().Select(r => r!.AsObject().Select(p => p.Key).Single()), Has.Member("Bearer"));
    }

    [Test]
    public async Task Swagger_ui_is_served()
    {
        var html = await Anonymous.GetStringAsync("/swagger/index.html");

        Assert.That(html, Does.Contain("swagger-ui"));
    }
}
