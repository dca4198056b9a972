using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AuditTrailTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    [Test]
    public async Task Control_characters_in_user_supplied_fields_are_neutralised_so_no_audit_line_can_be_forged()
    {
        using var anonymous = Factory.CreateClient();
        anonymous.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "curl\tfake");
        const string forged = "mallory\r\n2026-11-22 LOGIN_SUCCESS admin";

        await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = forged, password = "whatever-password" });

        var page = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/audit?event_type=LOGIN_FAILED"))!;
        var item = page["items"]!.AsArray().Single(i => i!["actor"]!.GetValue<string>().StartsWith("mallory", StringComparison.Ordinal))!;
        var actor = item["actor"]!.GetValue<string>();
        Assert.That(actor.Any(char.IsControl), Is.False, actor);
        Assert.That(actor, Does.Contain("\uFFFD"));
        Assert.That(item["user_agent"]!.GetValue<string>().Any(char.IsControl), Is.False);
    }

    [Test]
    public async Task Audit_events_carry_who_when_where_and_outcome_and_filter_and_page()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.LoginAsync(account.Username, account.Password);

        var success = JsonNode.Parse(await Admin.GetStringAsync($"/api/v1/audit?event_type=login_success&actor={account.Username}&outcome=Success"))!;
        var item = success["items"]![0]!;
        Assert.That(success["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(item["actor"]!.GetValue<string>(), Is.EqualTo(account.Username));
        Assert.That(item["ip_address"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(item["outcome"]!.GetValue<string>(), Is.EqualTo("Success"));
        Assert.That(item["occurred_at"]!.GetValue<string>(), Does.EndWith("Z"));

        var firstPage = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/audit?page=1&page_size=2"))!;
        var secondPage = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/audit?page=2&page_size=2"))!;
        Assert.That(firstPage["items"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(firstPage["total"]!.GetValue<int>(), Is.GreaterThan(2));
        Assert.That(secondPage["items"]![0]!["id"]!.GetValue<string>(), Is.Not.EqualTo(firstPage["items"]![0]!["id"]!.GetValue<string>()));

        var future = DateTime.UtcNow.AddDays(1).ToString("O");
        var none = JsonNode.Parse(await Admin.GetStringAsync($"/api/v1/audit?from={Uri.EscapeDataString(future)}"))!;
        Assert.That(none["total"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Bad_audit_filters_are_400()
    {
        Assert.That((await Admin.GetAsync("/api/v1/audit?page_size=1000")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Admin.GetAsync("/api/v1/audit?outcome=maybe")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Admin.GetAsync("/api/v1/audit?page=0")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Admin_actions_are_audited_without_secrets()
    {
        var account = await Factory.CreateAccountAsync();
        var created = JsonNode.Parse(await (await Admin.PostAsJsonAsync("/api/v1/clients", new { name = "siem", scopes = new[] { "siem:read" } })).Content.ReadAsStringAsync())!;
        await Admin.PostAsync($"/api/v1/users/{account.Id}/unlock", null);

        var all = await Admin.GetStringAsync("/api/v1/audit?page_size=200");

        Assert.That(all, Does.Contain("USER_CREATED").And.Contain("USER_UNLOCKED").And.Contain("CLIENT_CREATED"));
        Assert.That(all, Does.Not.Contain(account.Password));
        Assert.That(all, Does.Not.Contain(created["client_secret"]!.GetValue<string>()));
    }
}
