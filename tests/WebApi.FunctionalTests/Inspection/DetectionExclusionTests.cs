using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using static InfiniteSecurity.WebApi.FunctionalTests.Inspection.InspectEndpointTests;

namespace InfiniteSecurity.WebApi.FunctionalTests.Inspection;

/// <summary>Exclusions managed over HTTP and applied by inspect and gate: each silences exactly its scope.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class DetectionExclusionTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private const string Xss = "%3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E";
    private const string Sqli = "1%27%20OR%20%271%27%3D%271";

    protected override bool SignInAdmin => true;

    private async Task<string> Create(object exclusion)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/detection/exclusions", exclusion);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/detection/exclusions/{id}"));
        return id;
    }

    private async Task Remove(string id) =>
        Assert.That((await Admin.DeleteAsync($"/api/v1/detection/exclusions/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

    private static string Form(string method, string target, string form) =>
        $"{method} {target} HTTP/1.1\r\nHost: shop.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {form.Length}\r\n\r\n{form}";

    private async Task<JsonObject> Inspect(string message) => await Ok(await Admin.PostAsync("/api/v2/inspect", Raw(message)));

    /// <summary>The findings at <paramref name="location"/>: (counted, excluded_by ids).</summary>
    private static (int Counted, string[] ExcludedBy) At(JsonObject verdict, string location)
    {
        var here = Findings(verdict).Where(f => f["location"]!.GetValue<string>() == location).ToArray();
        return (here.Count(f => f["excluded_by"] is null), here.Where(f => f["excluded_by"] is not null).Select(f => f["excluded_by"]!.GetValue<string>()).Distinct().ToArray());
    }

    [Test]
    public async Task A_family_exclusion_silences_that_family_at_that_location_under_that_path_and_nothing_wider()
    {
        var id = await Create(new { path_prefix = "/comments", location = "form:text", family = "xss", note = "comments are rendered escaped" });
        try
        {
            var silenced = await Inspect(Form("POST", "/comments/42", $"text={Xss}"));
            Assert.That(At(silenced, "form:text").ExcludedBy, Is.EqualTo(new[] { id }));
            Assert.That(At(silenced, "form:text").Counted, Is.Zero);
            Assert.That(silenced["analysis"]!["threat"]!.GetValue<bool>(), Is.False, "an excluded finding is not counted in the verdict");

            var otherPath = await Inspect(Form("POST", "/profile", $"text={Xss}"));
            Assert.That(At(otherPath, "form:text").Counted, Is.Positive, "another path");
            Assert.That(otherPath["analysis"]!["type"]!.GetValue<string>(), Is.EqualTo("xss"));

            var otherLocation = await Inspect(Form("POST", "/comments/42", $"title={Xss}"));
            Assert.That(At(otherLocation, "form:title").Counted, Is.Positive, "another location");

            var otherFamily = await Inspect(Form("POST", "/comments/42", $"text={Sqli}"));
            Assert.That(At(otherFamily, "form:text").Counted, Is.Positive, "another family at the same location");
            Assert.That(otherFamily["analysis"]!["type"]!.GetValue<string>(), Is.EqualTo("sql_injection"));
        }
        finally
        {
            await Remove(id);
        }

        var again = await Inspect(Form("POST", "/comments/42", $"text={Xss}"));
        Assert.That(At(again, "form:text").Counted, Is.Positive, "removed: counted again");
        Assert.That(At(again, "form:text").ExcludedBy, Is.Empty);
    }

    [Test]
    public async Task A_rule_exclusion_silences_only_that_rule_and_a_method_restricted_one_only_that_method()
    {
        // Whichever catalogue rule fires on this LDAP filter breakout is the one excluded.
        const string Ldap = "%2A%29%28uid%3D%2A%29%29%28%7C%28uid%3D%2A";
        var catalogue = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/detection/rules"))!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToHashSet();
        var before = await Inspect($"GET /directory?user={Ldap} HTTP/1.1\r\nHost: shop.test\r\n\r\n");
        var rule = Findings(before).Where(f => f["location"]!.GetValue<string>() == "query:user").Select(f => f["rule_id"]!.GetValue<string>()).FirstOrDefault(catalogue.Contains);
        Assert.That(rule, Is.Not.Null, "an LDAP catalogue rule fires on the probe: " + before.ToJsonString());

        var id = await Create(new { path_prefix = "/directory", location = "query:user", rule_id = rule, method = "GET" });
        try
        {
            var silenced = await Inspect($"GET /directory?user={Ldap} HTTP/1.1\r\nHost: shop.test\r\n\r\n");
            var atUser = Findings(silenced).Where(f => f["location"]!.GetValue<string>() == "query:user").ToArray();
            Assert.That(atUser.Where(f => f["rule_id"]!.GetValue<string>() == rule).Select(f => f["excluded_by"]?.GetValue<string>()), Is.All.EqualTo(id));
            Assert.That(atUser.Where(f => f["rule_id"]!.GetValue<string>() != rule).Select(f => f["excluded_by"]), Is.All.Null, "other rules at the location still count");

            var otherRule = await Inspect($"GET /directory?user={Xss} HTTP/1.1\r\nHost: shop.test\r\n\r\n");
            Assert.That(At(otherRule, "query:user").Counted, Is.Positive, "another rule at the same location");

            var otherMethod = await Inspect(Form("POST", $"/directory?user={Ldap}", "a=b"));
            Assert.That(Findings(otherMethod).Where(f => f["rule_id"]!.GetValue<string>() == rule).Select(f => f["excluded_by"]), Is.All.Null, "another method");
            Assert.That(Findings(otherMethod).Any(f => f["rule_id"]!.GetValue<string>() == rule), Is.True);
        }
        finally
        {
            await Remove(id);
        }
    }

    [Test]
    public async Task The_gate_applies_exclusions_too()
    {
        using var gateway = await Factory.CreateMachineClientAsync(Admin, "analyze");
        Task<HttpResponseMessage> Ask() => gateway.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/gate")
        {
            Headers = { { "X-Original-Method", "GET" }, { "X-Original-URI", $"/search?q={Xss}" }, { "X-Original-Host", "shop.test" } },
        });

        Assert.That((await Ask()).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var id = await Create(new { path_prefix = "/search", location = "query:q", family = "xss" });
        Assert.That((await Ask()).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Remove(id);
        Assert.That((await Ask()).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Exclusions_are_listed_read_removed_once_and_every_change_is_audited()
    {
        var id = await Create(new { path_prefix = "/wiki", location = "body*", family = "xss", host = "shop.test", note = "editors paste HTML" });

        var list = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/detection/exclusions"))!.AsArray();
        var listed = list.Single(e => e!["id"]!.GetValue<string>() == id)!;
        Assert.Multiple(() =>
        {
            Assert.That(listed["path_prefix"]!.GetValue<string>(), Is.EqualTo("/wiki"));
            Assert.That(listed["location"]!.GetValue<string>(), Is.EqualTo("body*"));
            Assert.That(listed["family"]!.GetValue<string>(), Is.EqualTo("xss"));
            Assert.That(listed["host"]!.GetValue<string>(), Is.EqualTo("shop.test"));
            Assert.That(listed["note"]!.GetValue<string>(), Is.EqualTo("editors paste HTML"));
            Assert.That(listed["created_by"]!.GetValue<string>(), Is.Not.Empty);
        });
        Assert.That((await Admin.GetAsync($"/api/v1/detection/exclusions/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await Remove(id);
        Assert.That((await Admin.GetAsync($"/api/v1/detection/exclusions/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Admin.DeleteAsync($"/api/v1/detection/exclusions/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JsonNode.Parse(await Admin.GetStringAsync("/api/v1/detection/exclusions"))!.AsArray().Select(e => e!["id"]!.GetValue<string>()), Has.No.Member(id));

        foreach (var type in new[] { "DETECTION_EXCLUSION_CREATED", "DETECTION_EXCLUSION_REMOVED" })
        {
            var audit = JsonNode.Parse(await Admin.GetStringAsync($"/api/v1/audit?event_type={type}"))!;
            var items = (audit["items"] ?? audit["events"])!.AsArray();
            Assert.That(items.Any(e => e!["details"]!.GetValue<string>().Contains($"exclusion={id}", StringComparison.Ordinal)), Is.True, type + ": " + audit.ToJsonString());
        }
    }

    [TestCase("{\"path_prefix\":\"comments\",\"location\":\"form:text\"}", "path_prefix")]
    [TestCase("{\"path_prefix\":\"/c\",\"location\":\"querystring:q\"}", "location")]
    [TestCase("{\"path_prefix\":\"/c\",\"location\":\"query:\"}", "location")]
    [TestCase("{\"path_prefix\":\"/c\",\"location\":\"bo*dy\"}", "location")]
    [TestCase("{\"path_prefix\":\"/c\",\"location\":\"query:q\",\"rule_id\":\"no.such.rule\"}", "rule_id")]
    [TestCase("{\"path_prefix\":\"/c\",\"location\":\"query:q\",\"family\":\"sqli\"}", "family")]
    [TestCase("{\"path_prefix\":\"/c\",\"location\":\"query:q\",\"family\":\"none\"}", "family")]
    [TestCase("{\"path_prefix\":\"/c\",\"location\":\"query:q\",\"method\":\"GE T\"}", "method")]
    [TestCase("{\"path_prefix\":\"/c\",\"location\":\"query:q\",\"host\":\"shop.test:8080\"}", "host")]
    public async Task Invalid_exclusions_are_400_naming_the_field(string json, string field)
    {
        var response = await Admin.PostAsync("/api/v1/detection/exclusions", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(JsonNode.Parse(body)!["errors"]!.AsObject().Select(e => e.Key), Has.Member(field), body);
    }

    [Test]
    public async Task Only_admins_manage_exclusions()
    {
        using var analyst = await Factory.CreateUserClientAsync("analyst");
        var exclusion = new { path_prefix = "/x", location = "query:q", family = "xss" };

        Assert.That((await analyst.GetAsync("/api/v1/detection/exclusions")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await analyst.PostAsJsonAsync("/api/v1/detection/exclusions", exclusion)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Anonymous.PostAsJsonAsync("/api/v1/detection/exclusions", exclusion)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
