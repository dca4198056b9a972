using InfiniteSecurity.Detection.Requests;
using static InfiniteSecurity.Detection.UnitTests.Requests.RawRequests;

namespace InfiniteSecurity.Detection.UnitTests.Requests;

/// <summary>Each exclusion silences exactly its scope: the same attack one step outside it is still found.</summary>
[TestFixture]
public sealed class DetectionExclusionTests
{
    private static readonly RequestInspector Inspector = new(AnalyzerFactory.Shared);

    private const string Sqli = "1' OR '1'='1";

    private static HttpRequestData Attack(string path = "/reports/search", string method = "GET", string parameter = "q") =>
        Request(method, $"{path}?{parameter}={Uri.EscapeDataString(Sqli)}");

    private static string? RuleOf(HttpRequestData r) => Inspector.Inspect(r).Findings.FirstOrDefault(f => f.Finding.Category == ThreatCategory.SqlInjection)?.Finding.RuleId;

    private static bool Flagged(HttpRequestData r, params DetectionExclusion[] e) => Inspector.Inspect(r, e).Analysis.IsThreat;

    [Test]
    public void Family_exclusion_silences_its_location_and_path_only()
    {
        var e = new DetectionExclusion("sql-in-search", "/reports", "query:q", Family: ThreatCategory.SqlInjection);
        var silenced = Inspector.Inspect(Attack(), [e]);
        Assert.Multiple(() =>
        {
            Assert.That(silenced.Analysis.IsThreat, Is.False);
            Assert.That(silenced.Excluded.Where(x => x.ExcludedBy == "sql-in-search").Select(x => x.Location), Has.Member("query:q"));
            Assert.That(Flagged(Attack(parameter: "term"), e), Is.True, "another parameter");
            Assert.That(Flagged(Attack(path: "/admin/search"), e), Is.True, "another path");
            Assert.That(Flagged(Request("GET", "/reports/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>")), e), Is.True, "another family");
        });
    }

    [Test]
    public void Rule_exclusion_silences_that_rule_and_not_the_family()
    {
        var rule = RuleOf(Attack());
        Assume.That(rule, Is.Not.Null);
        var e = new DetectionExclusion("one-rule", "/", "query:q", RuleId: rule);
        var v = Inspector.Inspect(Attack(), [e]);
        Assert.Multiple(() =>
        {
            Assert.That(v.Excluded.Where(x => x.ExcludedBy == "one-rule").Select(x => x.Finding.RuleId).Distinct(), Is.EqualTo(new[] { rule }));
            Assert.That(v.Findings.Select(f => f.Finding.RuleId), Does.Not.Contain(rule));
        });
    }

    [Test]
    public void Exclusion_without_rule_or_family_silences_every_rule_at_its_location()
    {
        var e = new DetectionExclusion("all-q", "/", "query:q");
        var both = Request("GET", "/x?q=" + Uri.EscapeDataString("<script>alert(1)</script>' OR '1'='1") + "&r=" + Uri.EscapeDataString(Sqli));
        var v = Inspector.Inspect(both, [e]);
        Assert.Multiple(() =>
        {
            Assert.That(v.Findings.Select(f => f.Location).Distinct(), Is.EqualTo(new[] { "query:r" }));
            Assert.That(v.Excluded.Where(x => x.ExcludedBy == "all-q").Select(x => x.Finding.Category).Distinct().ToArray(), Has.Length.GreaterThanOrEqualTo(2), "both families silenced");
        });
    }

    [Test]
    public void Prefix_location_covers_the_locations_it_starts_and_no_others()
    {
        var e = new DetectionExclusion("whole-body", "/", "body*");
        var body = Post("/api/notes", "application/json", "{\"note\":{\"text\":\"" + Sqli.Replace("'", "\\u0027", StringComparison.Ordinal) + "\"}}");
        var query = Request("POST", "/api/notes?q=" + Uri.EscapeDataString(Sqli), "application/json", "{}");
        Assert.Multiple(() =>
        {
            Assert.That(Flagged(body), Is.True);
            Assert.That(Flagged(body, e), Is.False);
            Assert.That(Flagged(query, e), Is.True);
        });
    }

    [Test]
    public void Exact_location_does_not_match_a_longer_one()
    {
        var e = new DetectionExclusion("note-only", "/", "body:$.note", Family: ThreatCategory.SqlInjection);
        var body = Post("/api", "application/json", "{\"note\":{\"text\":\"1\\u0027 OR \\u00271\\u0027=\\u00271\"}}");
        Assert.That(Flagged(body, e), Is.True);
    }

    [Test]
    public void Method_and_host_narrow_the_exclusion_case_insensitively()
    {
        var e = new DetectionExclusion("post-only", "/reports", "query:q", Family: ThreatCategory.SqlInjection, Method: "post", Host: "SHOP.example.test");
        Assert.Multiple(() =>
        {
            Assert.That(Flagged(Attack(method: "POST"), e), Is.False);
            Assert.That(Flagged(Attack(method: "GET"), e), Is.True);
            var otherHost = HttpRequestData.Parse(System.Text.Encoding.UTF8.GetBytes($"POST /reports/search?q={Uri.EscapeDataString(Sqli)} HTTP/1.1\r\nHost: other.example.test\r\n\r\n"), RequestLimits.Default);
            Assert.That(Flagged(otherHost, e), Is.True);
        });
    }

    [Test]
    public void Path_prefix_is_matched_on_the_decoded_path_and_is_case_sensitive()
    {
        var e = new DetectionExclusion("reports", "/reports", "query:q");
        Assert.Multiple(() =>
        {
            Assert.That(Flagged(Attack(path: "/%72eports/x"), e), Is.False, "decoded once like the application sees it");
            Assert.That(Flagged(Attack(path: "/Reports/x"), e), Is.True);
        });
    }
}
