namespace InfiniteSecurity.Detection.UnitTests.Rules;

[TestFixture]
public sealed class RfiRuleTests
{
    [TestCase("rfi.remote_include", "http://oob.test/sh.txt?", TestName = "rfi.remote_include positive: trailing question mark")]
    [TestCase("rfi.remote_include", "https://oob.test/x.php#", TestName = "rfi.remote_include positive: trailing fragment")]
    [TestCase("rfi.remote_include", "page=http://oob.test/c.inc%00", TestName = "rfi.remote_include positive: NUL cut-off")]
    [TestCase("rfi.include_parameter", "template=ftp://oob.test/t.inc", TestName = "rfi.include_parameter positive: include-style name")]
    [TestCase("rfi.remote_script", "http://oob.test/payload.txt", TestName = "rfi.remote_script positive: remote text file")]
    [TestCase("rfi.smb_include", "\\\\oob.test\\share\\sh.php", TestName = "rfi.smb_include positive: UNC script")]
    [TestCase("rfi.code_stream", "data://text/plain;base64,SGVsbG8=", TestName = "rfi.code_stream positive: data stream")]
    [TestCase("rfi.code_stream", "php://input", TestName = "rfi.code_stream positive: request body")]
    [TestCase("rfi.remote_include", "http://oob.test/sh.php?cmd=id&", TestName = "rfi.remote_include positive: one parameter then a dangling ampersand")]
    public void Fires(string rule, string input) => RuleAssert.Fires(input, rule);

    [TestCase("https://example.org/index.php", TestName = "rfi.remote_script negative: ordinary page URL")]
    [TestCase("next=https://example.org/account.php", TestName = "rfi.include_parameter negative: non-include parameter")]
    [TestCase("https://example.org/search.php?q=shoes", TestName = "rfi.remote_include negative: query after the script")]
    [TestCase("data:image/png;base64,iVBORw0KGgo=", TestName = "rfi.code_stream negative: inline image")]
    [TestCase("https://img.example.org/covers/9f8e7d~crop:120:80.webp?", TestName = "rfi.remote_include negative: image asset with a cache-busting mark")]
    [TestCase("https://stats.example.org/beacon.cgi?site=7&page=home&t=12&", TestName = "rfi.remote_include negative: script-built beacon query ending in an ampersand")]
    public void Stays_benign(string input) => RuleAssert.Benign(input);
}
