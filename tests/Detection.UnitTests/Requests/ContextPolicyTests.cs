using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Detection.UnitTests.Requests;

[TestFixture]
public sealed class ContextPolicyTests
{
    private static Finding F(string family, string rule = "x.rule", string view = "raw", string evidence = "e") => new(family, rule, 0.9, view, 0, 1, evidence, "r");

    [TestCase("returnUrl", true)]
    [TestCase("redirect_uri", true)]
    [TestCase("returnto", true)]
    [TestCase("next", true)]
    [TestCase("u", true)]
    [TestCase("from", false)]
    [TestCase("query", false)]
    [TestCase("utm_source", false)]
    [TestCase("author", false)]
    public void Redirect_targets_are_named_by_their_words(string name, bool redirect) =>
        Assert.That(ParameterNames.IsRedirectTarget(name), Is.EqualTo(redirect));

    [Test]
    public void Inside_json_only_explicit_redirect_words_count()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ParameterNames.IsRedirectTarget("pageUrl", explicitOnly: true), Is.False);
            Assert.That(ParameterNames.IsRedirectTarget("redirectUrl", explicitOnly: true), Is.True);
        });
    }

    [Test]
    public void Words_split_at_case_changes_and_separators() =>
        Assert.That(ParameterNames.Words("returnURL_v2"), Is.EqualTo(new[] { "return", "url", "v", "2" }));

    [TestCase("Sec-Ch-Ua", LocationClass.BrowserHeader)]
    [TestCase("Accept-Language", LocationClass.BrowserHeader)]
    [TestCase("If-None-Match", LocationClass.BrowserHeader)]
    [TestCase("Referer", LocationClass.BrowserUrlHeader)]
    [TestCase("Origin", LocationClass.BrowserUrlHeader)]
    [TestCase("User-Agent", LocationClass.ClientHeader)]
    [TestCase("X-Forwarded-For", LocationClass.ClientHeader)]
    [TestCase("Location", LocationClass.RedirectHeader)]
    [TestCase("X-Return-To", LocationClass.RedirectHeader)]
    public void Headers_are_classed_by_who_fills_them(string name, LocationClass expected) =>
        Assert.That(ContextPolicy.ClassifyHeader(name), Is.EqualTo(expected));

    [Test]
    public void Open_redirect_counts_only_in_redirect_targets()
    {
        var f = F(ThreatCategory.OpenRedirect, "redirect.protocol_relative");
        Assert.Multiple(() =>
        {
            Assert.That(ContextPolicy.Silencer(f, LocationClass.RedirectParameter, "//evil.example.net", "shop.example.test"), Is.Null);
            Assert.That(ContextPolicy.Silencer(f, LocationClass.Parameter, "//evil.example.net", "shop.example.test"), Is.EqualTo("redirect-target-only"));
            Assert.That(ContextPolicy.Silencer(f, LocationClass.RedirectParameter, "//www.example.test/a", "shop.example.test"), Is.EqualTo("same-site-redirect"));
        });
    }

    [Test]
    public void Host_confusion_counts_wherever_urls_are_parsed_but_not_in_browser_headers()
    {
        var f = F(ThreatCategory.OpenRedirect, "redirect.userinfo_confusion");
        Assert.Multiple(() =>
        {
            Assert.That(ContextPolicy.Silencer(f, LocationClass.Parameter, "http://a@b", null), Is.Null);
            Assert.That(ContextPolicy.Silencer(f, LocationClass.BrowserUrlHeader, "http://a@b", null), Is.Not.Null);
        });
    }

    [Test]
    public void Crlf_in_a_body_value_counts_only_when_the_break_is_encoded()
    {
        var f = F(ThreatCategory.CrlfInjection);
        Assert.Multiple(() =>
        {
            Assert.That(ContextPolicy.Silencer(f, LocationClass.JsonString, "a\r\nSet-Cookie: x", null), Is.EqualTo("multi-line-body-value"));
            Assert.That(ContextPolicy.Silencer(f, LocationClass.JsonString, "a%0d%0aSet-Cookie: x", null), Is.Null);
            Assert.That(ContextPolicy.Silencer(f, LocationClass.Parameter, "a\r\nSet-Cookie: x", null), Is.Null);
        });
    }

    [Test]
    public void Whole_documents_and_keys_keep_only_the_families_that_need_them()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ContextPolicy.Silencer(F(ThreatCategory.Xxe), LocationClass.Document, "<x/>", null), Is.Null);
            Assert.That(ContextPolicy.Silencer(F(ThreatCategory.Xss), LocationClass.Document, "<x/>", null), Is.EqualTo("document-shape"));
            Assert.That(ContextPolicy.Silencer(F(ThreatCategory.NoSqlInjection), LocationClass.JsonKey, "$ne", null), Is.Null);
            Assert.That(ContextPolicy.Silencer(F(ThreatCategory.SqlInjection), LocationClass.JsonKey, "k", null), Is.EqualTo("json-key-shape"));
        });
    }

    [Test]
    public void Ssrf_in_the_whole_of_a_url_value_counts_only_for_the_url_itself()
    {
        var own = new Finding(ThreatCategory.Ssrf, "ssrf.internal_target", 0.9, "raw", 0, 20, "http://127.0.0.1/", "r");
        var nested = new Finding(ThreatCategory.Rfi, "rfi.remote_include", 0.9, "url", 30, 20, "https://files.example.org/x.php", "r");
        Assert.Multiple(() =>
        {
            Assert.That(ContextPolicy.Silencer(own, LocationClass.Composite, "http://127.0.0.1/?a=1", null), Is.Null);
            Assert.That(ContextPolicy.Silencer(nested, LocationClass.Composite, "https://cdn.example.org/p?u=https%3A%2F%2Ffiles.example.org%2Fx.php", null), Is.EqualTo("composite-parameter-url"));
        });
    }

    [Test]
    public void Markup_in_the_whole_of_a_url_value_is_left_to_its_parameters_but_a_value_with_raw_markup_is_no_url()
    {
        var e = RawRequests.Values(RawRequests.Get("/t?u=" + Uri.EscapeDataString("https://a.example.org/p%3Cscript%3E?x=1") + "&v=" + Uri.EscapeDataString("https://a.example.org/<script>")));
        Assert.Multiple(() =>
        {
            Assert.That(ContextPolicy.Silencer(F(ThreatCategory.Xss), LocationClass.Composite, "https://a.example.org/p%3Cscript%3E", null), Is.EqualTo("composite-parts-judged"));
            Assert.That(e.Values.Single(v => v.Location == "query:u").Shape, Is.EqualTo(ValueShape.Composite));
            Assert.That(e.Values.Single(v => v.Location == "query:v").Shape, Is.EqualTo(ValueShape.Value));
        });
    }

    [Test]
    public void Every_rule_row_is_reachable_with_its_own_id()
    {
        var ids = ContextPolicy.Rules.Select(r => r.Id).Distinct().ToArray();
        Assert.That(ids, Has.Length.GreaterThanOrEqualTo(8));
    }
}
