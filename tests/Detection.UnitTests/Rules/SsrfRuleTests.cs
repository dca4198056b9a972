namespace InfiniteSecurity.Detection.UnitTests.Rules;

[TestFixture]
public sealed class SsrfRuleTests
{
    [TestCase("ssrf.internal_target", "http://127.0.0.1:8080/admin", TestName = "ssrf.internal_target positive: loopback")]
    [TestCase("ssrf.internal_target", "http://192.168.10.4/", TestName = "ssrf.internal_target positive: private range")]
    [TestCase("ssrf.obfuscated_internal_target", "http://2130706433:81/q", TestName = "ssrf.obfuscated_internal_target positive: decimal")]
    [TestCase("ssrf.obfuscated_internal_target", "http://0177.0.0.1:81/q", TestName = "ssrf.obfuscated_internal_target positive: octal")]
    [TestCase("ssrf.obfuscated_internal_target", "http://0x7f000001/", TestName = "ssrf.obfuscated_internal_target positive: hex")]
    [TestCase("ssrf.obfuscated_internal_target", "http://127.1:81/q", TestName = "ssrf.obfuscated_internal_target positive: short form")]
    [TestCase("ssrf.obfuscated_internal_target", "http://[::ffff:7f00:1]/", TestName = "ssrf.obfuscated_internal_target positive: IPv6-mapped hex")]
    [TestCase("ssrf.obfuscated_internal_target", "http://svc-10-1-2-3.nip.io/", TestName = "ssrf.obfuscated_internal_target positive: dashed rebinding name")]
    [TestCase("ssrf.obfuscated_internal_target", "http://user@10.0.0.8/", TestName = "ssrf.obfuscated_internal_target positive: userinfo before internal host")]
    [TestCase("ssrf.obfuscated_internal_target", "http://good.test#@127.0.0.1/", TestName = "ssrf.obfuscated_internal_target positive: fragment confusion")]
    [TestCase("ssrf.internal_target_in_prose", "run it and open http://localhost:3000 in your browser", TestName = "ssrf.internal_target_in_prose positive: documentation")]
    [TestCase("ssrf.cloud_metadata", "http://169.254.169.254/x1/", TestName = "ssrf.cloud_metadata positive: link-local metadata")]
    [TestCase("ssrf.cloud_metadata", "http://[fd00:ec2::254]/", TestName = "ssrf.cloud_metadata positive: IPv6 metadata")]
    [TestCase("ssrf.cloud_metadata", "http://0xDEADBEEFA9FEA9FE/", TestName = "ssrf.cloud_metadata positive: long hex keeps low 32 bits")]
    [TestCase("ssrf.internal_protocol_smuggling", "gopher://127.0.0.1:25/_HELO", TestName = "ssrf.internal_protocol_smuggling positive: gopher to SMTP")]
    [TestCase("ssrf.protocol_smuggling", "dict://oob.test:11211/stat", TestName = "ssrf.protocol_smuggling positive: dict")]
    [TestCase("ssrf.protocol_smuggling", "jar:http://oob.test/a.jar!/b", TestName = "ssrf.protocol_smuggling positive: jar wrapper")]
    public void Fires(string rule, string input) => RuleAssert.Fires(input, rule);

    [TestCase("https://example.org/docs", TestName = "ssrf.internal_target negative: public host")]
    [TestCase("http://10.example.org/", TestName = "ssrf.internal_target negative: name starting with digits")]
    [TestCase("open http://localhost:8080 in a browser after the build", TestName = "ssrf.internal_target_in_prose negative: below threshold")]
    public void Stays_benign(string input) => RuleAssert.Benign(input);
}
