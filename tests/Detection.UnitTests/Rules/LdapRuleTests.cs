using static InfiniteSecurity.Detection.UnitTests.Rules.RuleAssertions;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>One positive and one look-alike per LDAP rule id (CWE-90).</summary>
[TestFixture]
public sealed class LdapRuleTests
{
    [TestCase("ldap.filter_breakout", "bob)(|(cn=*")]
    [TestCase("ldap.assertion_breakout", "bob)(sn=x")]
    [TestCase("ldap.wildcard_breakout", "*)(mail=*")]
    [TestCase("ldap.complete_filter", "(&(objectClass=*)(cn=q))")]
    [TestCase("ldap.complete_filter", "(sn=*)")]
    [TestCase("ldap.complete_filter", "(|)")]
    [TestCase("ldap.wildcard_close", "bob*)")]
    public void Positive(string ruleId, string input) => RuleAssert.Fires(input, ruleId);

    [TestCase("ldap.complete_filter", "(n=5)")]
    [TestCase("ldap.complete_filter", "(optional) text")]
    [TestCase("ldap.wildcard_close", "see (*.txt*)")]
    [TestCase("ldap.assertion_breakout", "libq (>= 1.2), libz (<< 2)")]
    public void Benign_look_alike(string ruleId, string input) => RuleAssert.DoesNotFire(input, ruleId);
}
