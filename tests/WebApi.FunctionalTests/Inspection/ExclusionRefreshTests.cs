using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using static InfiniteSecurity.WebApi.FunctionalTests.Inspection.InspectEndpointTests;

namespace InfiniteSecurity.WebApi.FunctionalTests.Inspection;

/// <summary>Two instances on one database: an exclusion made on one is in force on the other within seconds.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ExclusionRefreshTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private ApiFactory _second = null!;
    private HttpClient _secondAdmin = null!;

    protected override bool SignInAdmin => true;

    protected override ApiFactory CreateFactory() => new() { Provider = Provider, Settings = { ["Detection:Exclusions:RefreshSeconds"] = "0.5" } };

    [OneTimeSetUp]
    public async Task StartSecondInstance()
    {
        _second = await new ApiFactory
        {
            Provider = Provider,
            Settings =
            {
                ["ConnectionStrings:Default"] = Factory.ConnectionString,
                ["Jwt:SigningKey"] = Factory.Settings["Jwt:SigningKey"],
                ["Detection:Exclusions:RefreshSeconds"] = "0.5",
            },
        }.StartAsync();

        // The same admin session works on both: one database, one signing key.
        _secondAdmin = _second.CreateClient();
        _secondAdmin.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
    }

    [OneTimeTearDown]
    public async Task StopSecondInstance()
    {
        _secondAdmin.Dispose();
        await _second.DisposeAsync();
    }

    private async Task<string?> ExcludedByOnSecond()
    {
        const string Message = "GET /notes?text=%3Cscript%3Ealert(1)%3C%2Fscript%3E HTTP/1.1\r\nHost: shop.test\r\n\r\n";
        var verdict = await Ok(await _secondAdmin.PostAsync("/api/v2/inspect", Raw(Message)));
        return Findings(verdict).Where(f => f["location"]!.GetValue<string>() == "query:text").Select(f => f["excluded_by"]?.GetValue<string>()).FirstOrDefault(e => e is not null);
    }

    private async Task<TimeSpan> Until(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "not in force on the other instance within 5 s");
            await Task.Delay(100);
        }

        return clock.Elapsed;
    }

    [Test]
    public async Task An_exclusion_made_on_one_instance_applies_on_the_other_within_seconds_and_so_does_its_removal()
    {
        Assert.That(await ExcludedByOnSecond(), Is.Null);

        var created = await Admin.PostAsJsonAsync("/api/v1/detection/exclusions", new { path_prefix = "/notes", location = "query:text", family = "xss" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        await Until(async () => await ExcludedByOnSecond() == id);
        Assert.That((await Admin.DeleteAsync($"/api/v1/detection/exclusions/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Until(async () => await ExcludedByOnSecond() is null);
    }
}
