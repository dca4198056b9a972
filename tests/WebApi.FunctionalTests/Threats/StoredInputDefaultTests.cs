using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Feedback;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Threats;

/// <summary>The default (<c>Threats:StoreInput</c> unset): a threat keeps its fingerprint and evidence only, as before.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class StoredInputDefaultTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    [Test]
    public async Task By_default_no_input_is_stored_the_detail_says_so_and_reading_it_is_not_found()
    {
        var threat = await Factory.AnalyzeThreatAsync(Admin, "id=5' OR 'q'='q' -- default-mode probe");

        var detail = await Admin.GetFromJsonAsync<JsonObject>($"/api/v1/threats/{threat.ThreatId}");
        var response = await Admin.GetAsync($"/api/v1/threats/{threat.ThreatId}/input");
        var rows = await Factory.QueryAsync(db => db.ThreatInputs.CountAsync());
        Assert.Multiple(() =>
        {
            Assert.That(detail!["input_stored"]!.GetValue<bool>(), Is.False);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(rows, Is.Zero);
        });
    }

    [Test]
    public async Task Reading_the_input_of_an_unknown_threat_is_not_found()
    {
        var response = await Admin.GetAsync($"/api/v1/threats/{Guid.NewGuid()}/input");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
