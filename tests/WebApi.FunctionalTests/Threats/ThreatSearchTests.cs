using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Threats;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ThreatSearchTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private HttpClient _alice = null!;
    private HttpClient _bob = null!;
    private HttpClient _carol = null!;
    private string _aliceId = null!;
    private string _bobId = null!;
    private readonly List<string> _aliceThreats = [];
    private readonly List<string> _bobThreats = [];

    protected override bool SignInAdmin => true;

    protected override ApiFactory CreateFactory() => new ApiFactory { Provider = Provider }.TrustingForwardedFor();

    [OneTimeSetUp]
    public async Task Seed()
    {
        var alice = await Factory.CreateAccountAsync("user");
        var bob = await Factory.CreateAccountAsync("user");
        (_aliceId, _bobId) = (alice.Id, bob.Id);
        _alice = Factory.CreateClientWithToken((await Factory.LoginAsync(alice.Username, alice.Password)).AccessToken);
        _bob = Factory.CreateClientWithToken((await Factory.LoginAsync(bob.Username, bob.Password)).AccessToken);
        _carol = await Factory.CreateUserClientAsync("user");

        foreach (var input in new[] { "x' OR 'k'='k' --", "1 UNION SELECT name, pass FROM accounts --", "id=5; DROP TABLE orders --" })
        {
            _aliceThreats.Add(await AnalyzeAsync(_alice, input, "10.1.0.1") ?? throw new InvalidOperationException($"not a threat: {input}"));
        }

        foreach (var input in new[] { "<script>alert(73)</script>", "hi <SCRIPT src=//evil.test/x.js></SCRIPT>" })
        {
            _bobThreats.Add(await AnalyzeAsync(_bob, input, "10.2.0.2") ?? throw new InvalidOperationException($"not a threat: {input}"));
        }

        Assert.That(await AnalyzeAsync(_bob, "see you at the bakery at 5", "10.2.0.2"), Is.Null, "benign input stored as a threat");
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _alice.Dispose();
        _bob.Dispose();
        _carol.Dispose();
    }

    private static async Task<string?> AnalyzeAsync(HttpClient client, string input, string sourceIp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/analyze") { Content = JsonContent.Create(new { input }) };
        request.Headers.Add("X-Forwarded-For", sourceIp);
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body["threat_id"]?.GetValue<string>();
    }

    private static async Task<JsonNode> PageAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/threats?" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    private static List<JsonNode> Items(JsonNode page) => page["items"]!.AsArray().Select(i => i!).ToList();

    private static List<string> Ids(JsonNode page) => Items(page).Select(i => i["id"]!.GetValue<string>()).ToList();

    private bool IsSeeded(string id) => _aliceThreats.Contains(id) || _bobThreats.Contains(id);

    private async Task<List<JsonNode>> AllSeededAsync() =>
        Items(await PageAsync(Admin, "page_size=500")).Where(i => IsSeeded(i["id"]!.GetValue<string>())).ToList();

    [Test]
    public async Task Type_narrows_to_one_family_and_total_counts_the_matches()
    {
        var page = await PageAsync(Admin, "type=xss");

        Assert.That(Ids(page), Is.EquivalentTo(_bobThreats));
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(_bobThreats.Count));
    }

    [Test]
    public async Task User_and_source_ip_narrow_to_their_threats()
    {
        Assert.That(Ids(await PageAsync(Admin, $"user={_aliceId}")), Is.EquivalentTo(_aliceThreats));
        Assert.That(Ids(await PageAsync(Admin, "source_ip=10.2.0.2")), Is.EquivalentTo(_bobThreats));
        Assert.That(Ids(await PageAsync(Admin, "source_ip=10.9.9.9")), Is.Empty);
    }

    [Test]
    public async Task Severity_and_action_narrow_to_exactly_the_threats_with_that_value()
    {
        var all = await AllSeededAsync();
        foreach (var severity in all.Select(i => i["severity"]!.GetValue<string>()).Distinct())
        {
            var expected = all.Where(i => i["severity"]!.GetValue<string>() == severity).Select(i => i["id"]!.GetValue<string>());
            var page = Items(await PageAsync(Admin, $"severity={severity}"));
            Assert.That(page.Select(i => i["severity"]!.GetValue<string>()), Is.All.EqualTo(severity));
            Assert.That(page.Select(i => i["id"]!.GetValue<string>()).Where(IsSeeded), Is.EquivalentTo(expected), severity);
        }

        foreach (var action in all.Select(i => i["action"]!.GetValue<string>()).Distinct())
        {
            var expected = all.Where(i => i["action"]!.GetValue<string>() == action).Select(i => i["id"]!.GetValue<string>());
            var page = Items(await PageAsync(Admin, $"action={action}"));
            Assert.That(page.Select(i => i["action"]!.GetValue<string>()), Is.All.EqualTo(action));
            Assert.That(page.Select(i => i["id"]!.GetValue<string>()).Where(IsSeeded), Is.EquivalentTo(expected), action);
        }
    }

    [Test]
    public async Task From_is_inclusive_and_to_is_exclusive()
    {
        var all = (await AllSeededAsync()).OrderBy(i => i["detected_at"]!.GetValue<DateTime>()).ToList();
        var middle = all[2]["detected_at"]!.GetValue<DateTime>().ToUniversalTime().ToString("O");

        var after = Ids(await PageAsync(Admin, $"from={Uri.EscapeDataString(middle)}")).Where(IsSeeded).ToList();
        var before = Ids(await PageAsync(Admin, $"to={Uri.EscapeDataString(middle)}")).Where(IsSeeded).ToList();

        Assert.That(after, Does.Contain(all[2]["id"]!.GetValue<string>()));
        Assert.That(before, Does.Not.Contain(all[2]["id"]!.GetValue<string>()));
        Assert.That(before.Count + after.Count, Is.EqualTo(all.Count));
        Assert.That(before.Intersect(after), Is.Empty);
    }

    [Test]
    public async Task Text_search_finds_evidence_regardless_of_case_and_treats_wildcards_literally()
    {
        Assert.That(Ids(await PageAsync(Admin, "q=" + Uri.EscapeDataString("<sCrIpT"))), Is.EquivalentTo(_bobThreats));
        Assert.That(Ids(await PageAsync(Admin, "q=" + Uri.EscapeDataString("%"))), Is.Empty);
    }

    [Test]
    public async Task A_search_longer_than_its_bound_is_400()
    {
        using var response = await Admin.GetAsync("/api/v1/threats?q=" + new string('a', 201));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key), Has.Member("q"));
    }

    [Test]
    public async Task Review_narrows_by_the_analysts_verdict()
    {
        var reviewed = Guid.Parse(_aliceThreats[0]);
        await Factory.QueryAsync(async db =>
        {
            var threat = await db.Threats.SingleAsync(t => t.Id == reviewed);
            threat.MarkReviewed(ThreatReviewState.FalsePositive, DateTime.UtcNow.AddSeconds(1));
            return await db.SaveChangesAsync();
        });

        Assert.That(Ids(await PageAsync(Admin, "review=false_positive")), Is.EqualTo(new[] { _aliceThreats[0] }));
        Assert.That(Ids(await PageAsync(Admin, "review=true_positive")), Is.Empty);
        Assert.That(Ids(await PageAsync(Admin, "review=unreviewed")), Does.Not.Contain(_aliceThreats[0]).And.Contains(_aliceThreats[1]));
        var detail = JsonNode.Parse(await Admin.GetStringAsync($"/api/v1/threats/{reviewed}"))!;
        Assert.That(detail["review_state"]!.GetValue<string>(), Is.EqualTo("false_positive"));
        Assert.That(detail["reviewed_at"], Is.Not.Null);
    }

    [Test]
    public async Task Users_see_only_their_own_threats_even_when_filtering_for_someone_else()
    {
        var own = await PageAsync(_bob, "page_size=500");
        Assert.That(Ids(own), Is.EquivalentTo(_bobThreats));
        Assert.That(own["total"]!.GetValue<int>(), Is.EqualTo(_bobThreats.Count));
        Assert.That(Ids(await PageAsync(_bob, $"user={_aliceId}")), Is.Empty);
    }

    [Test]
    public async Task The_detail_shows_findings_with_rule_family_and_evidence_span()
    {
        var detail = JsonNode.Parse(await _bob.GetStringAsync($"/api/v1/threats/{_bobThreats[0]}"))!;
        var findings = detail["findings"]!.AsArray();

        Assert.That(findings, Is.Not.Empty);
        Assert.That(findings.Select(f => f!["family"]!.GetValue<string>()), Has.Member("xss"));
        Assert.That(findings.All(f => f!["rule_id"]!.GetValue<string>().Length > 0), Is.True);
        Assert.That(detail["patterns_matched"]!.GetValue<string>(), Does.Contain(findings[0]!["rule_id"]!.GetValue<string>()));
        Assert.That(findings[0]!["evidence"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(detail["review_state"]!.GetValue<string>(), Is.EqualTo("unreviewed"));
    }

    [TestCase("detected_at")]
    [TestCase("risk_score")]
    [TestCase("severity")]
    public async Task Keyset_paging_returns_every_row_once_while_threats_are_inserted_between_pages(string sort)
    {
        var before = Ids(await PageAsync(Admin, "page_size=500"));
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await PageAsync(Admin, $"sort={sort}&page_size=2" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(Ids(page));
            cursor = page["next_cursor"]?.GetValue<string>();

            // New threats arrive while the client is paging.
            await AnalyzeAsync(_carol, $"q' OR 'p{pages}'='p{pages}", "10.3.0.3");
            pages++;
        }
        while (cursor is not null && pages < 200);

        Assert.That(seen, Is.Unique);
        Assert.That(seen, Is.SupersetOf(before));
        Assert.That(pages, Is.GreaterThan(1));
    }

    [Test]
    public async Task Pages_come_in_the_order_of_the_sort()
    {
        var scores = new List<int>();
        string? cursor = null;
        do
        {
            var page = await PageAsync(Admin, "sort=risk_score&page_size=3" + (cursor is null ? "" : "&cursor=" + cursor));
            scores.AddRange(Items(page).Select(i => i["risk_score"]!.GetValue<int>()));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(scores, Is.Ordered.Descending);
    }

    [Test]
    public async Task A_tampered_cursor_is_400_problem_naming_the_cursor()
    {
        var cursor = (await PageAsync(Admin, "page_size=1"))["next_cursor"]!.GetValue<string>();
        var decoded = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
        var edited = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(decoded.Replace("DetectedAt|", "DetectedAt|1", StringComparison.Ordinal)));
        Assert.That(edited, Is.Not.EqualTo(cursor));

        foreach (var bad in new[] { edited, cursor[..^2], "not-a-cursor!", cursor + "AA" })
        {
            using var response = await Admin.GetAsync("/api/v1/threats?page_size=1&cursor=" + Uri.EscapeDataString(bad));
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), bad);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key), Has.Member("cursor"), text);
        }
    }

    [Test]
    public async Task A_cursor_from_another_sort_is_400()
    {
        var cursor = (await PageAsync(Admin, "page_size=1"))["next_cursor"]!.GetValue<string>();

        using var response = await Admin.GetAsync($"/api/v1/threats?sort=risk_score&page_size=1&cursor={cursor}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("type=sqli")]
    [TestCase("severity=extreme")]
    [TestCase("action=NUKE")]
    [TestCase("review=maybe")]
    [TestCase("sort=id")]
    [TestCase("from=2026-12-02T10:00:00Z&to=2026-12-01T10:00:00Z")]
    public async Task An_unknown_filter_value_is_400(string query)
    {
        using var response = await Admin.GetAsync("/api/v1/threats?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), query);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
