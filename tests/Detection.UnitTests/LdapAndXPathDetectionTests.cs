using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.DetectionAssertions;

namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class LdapAndXPathDetectionTests
{
    [TestCase("*)(cn=*")]
    [TestCase("jsmith)(|(objectClass=*))")]
    [TestCase("x)(&)")]
    [TestCase("*)(|(description=*)")]
    public void Ldap_filter_breakouts_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.LdapInjection);

    [TestCase("libssl3 (>= 3.0.0), libc6 (>= 2.34) | musl (>= 1.2)")]
    [TestCase("Call (555) 0100 (office) or (555) 0199")]
    public void Version_constraints_and_parentheses_stay_benign(string input) => AssertBenign(input);

    [TestCase("' or count(/*)=1 or 'x'='y")]
    [TestCase("' or local-name()='config' or ''='")]
    [TestCase("1 and string-length(name(/*[1]))>0")]
    public void XPath_probes_are_detected_as_xpath_not_sql(string input) => AssertDetectedAs(input, ThreatCategory.XPathInjection);
}
