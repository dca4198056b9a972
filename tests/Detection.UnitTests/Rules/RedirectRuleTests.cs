namespace InfiniteSecurity.Detection.UnitTests.Rules;

[TestFixture]
public sealed class RedirectRuleTests
{
    [TestCase("redirect.protocol_relative", "//evil.test", TestName = "redirect.protocol_relative positive: bare")]
    [TestCase("redirect.slash_confused_relative", "/\\evil.test", TestName = "redirect.slash_confused_relative positive: slash backslash")]
    [TestCase("redirect.slash_confused_relative", "<>//evil.test", TestName = "redirect.slash_confused_relative positive: stripped brackets")]
    [TestCase("redirect.slash_confused_relative", "\u3031evil.test", TestName = "redirect.slash_confused_relative positive: kana slash")]
    [TestCase("redirect.scheme_confusion", "https:evil.test", TestName = "redirect.scheme_confusion positive: no slashes")]
    [TestCase("redirect.scheme_confusion", "?go=http:/evil.test", TestName = "redirect.scheme_confusion positive: in a parameter")]
    [TestCase("redirect.userinfo_confusion", "http://trusted.test@evil.test/", TestName = "redirect.userinfo_confusion positive: userinfo")]
    [TestCase("redirect.userinfo_confusion", "trusted.example.test;@evil.test", TestName = "redirect.userinfo_confusion positive: hostless")]
    [TestCase("redirect.leading_at", "@evil.test", TestName = "redirect.leading_at positive: leading at")]
    [TestCase("redirect.authority_confusion", "http://evil.test\\@trusted.test/", TestName = "redirect.authority_confusion positive: backslash")]
    [TestCase("redirect.path_confusion", "https://trusted.test//evil.test", TestName = "redirect.path_confusion positive: double slash")]
    [TestCase("redirect.nested_url", "https://trusted.test/https://evil.test", TestName = "redirect.nested_url positive: URL as first segment")]
    [TestCase("redirect.obfuscated_host", "http://3627734734/", TestName = "redirect.obfuscated_host positive: decimal host")]
    [TestCase("redirect.domain_confusion", "https://trusted.com.evil.test/", TestName = "redirect.domain_confusion positive: trusted name as subdomain")]
    [TestCase("redirect.domain_confusion", "https://evil.test?trusted.test", TestName = "redirect.domain_confusion positive: trusted name as query")]
    [TestCase("redirect.url_parameter", "?next=//evil.test", TestName = "redirect.url_parameter positive: protocol-relative value")]
    [TestCase("redirect.absolute_url_parameter", "/signin?next=https://evil.test/", TestName = "redirect.absolute_url_parameter positive: relative reference with absolute next")]
    [TestCase("redirect.host_parameter", "?return=evil.example.test", TestName = "redirect.host_parameter positive: bare host")]
    [TestCase("redirect.host_in_path", "/www.evil.test", TestName = "redirect.host_in_path positive: host as path")]
    [TestCase("redirect.host_in_path", "/.evil.test", TestName = "redirect.host_in_path positive: dot segment before a host")]
    [TestCase("redirect.redirect_endpoint_host", "/redirect/evil.test", TestName = "redirect.redirect_endpoint_host positive: endpoint then host")]
    [TestCase("redirect.embedded_url", "/https://evil.test", TestName = "redirect.embedded_url positive: URL as path")]
    [TestCase("redirect.encoded_url", "%68%74%74%70%3a%2f%2fevil.test", TestName = "redirect.encoded_url positive: encoded letters")]
    [TestCase("redirect.script_scheme", "\\j\\a\\v\\a\\s\\c\\r\\i\\p\\t\\:x", TestName = "redirect.script_scheme positive: escaped scheme")]
    public void Fires(string rule, string input) => RuleAssert.Fires(input, rule);

    [TestCase("a=1&from=https://example.org/", TestName = "redirect.absolute_url_parameter negative: form body with a URL")]
    [TestCase("https://example.org/page?x=1", TestName = "redirect.url_parameter negative: ordinary URL")]
    [TestCase("https://login.example.org/?redirect_uri=https%3A%2F%2Fapp.example.org%2F", TestName = "redirect.url_parameter negative: absolute return URL")]
    [TestCase("//cdn.example.org/static/js/app.js", TestName = "redirect.protocol_relative negative: resource reference")]
    [TestCase("/.well-known/security.txt", TestName = "redirect.host_in_path negative: well-known file")]
    [TestCase("/assets/vendor.min.js", TestName = "redirect.host_in_path negative: minified file")]
    [TestCase("?spm=333.1007.feed.card.click", TestName = "redirect.host_parameter negative: dotted tracking value")]
    [TestCase("https://bbs.example.com.cn/", TestName = "redirect.domain_confusion negative: com.cn suffix")]
    [TestCase("https:%2F%2Fexample.org%2Fa", TestName = "redirect.scheme_confusion negative: only encoded slashes")]
    [TestCase("first.last@example.org", TestName = "redirect.userinfo_confusion negative: e-mail address")]
    public void Stays_benign(string input) => RuleAssert.Benign(input);
}
