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
    [TestCase("(|(cn=a)", TestName = "ldap.filter_operator positive: unbalanced OR filter")]
    public void Filter_operator(string input) => RuleAssert.Fires(input, "ldap.filter_operator");

    [TestCase("*)(*", TestName = "ldap.wildcard_filter positive: wildcard-only components")]
    public void Wildcard_filter(string input) => RuleAssert.Fires(input, "ldap.wildcard_filter");

    [TestCase("smile :-) (see notes)", TestName = "ldap.wildcard_filter look-alike: emoticon and parenthesis")]
    public void Wildcard_filter_look_alike(string input) => RuleAssert.DoesNotFire(input, "ldap.wildcard_filter");

    [TestCase("jdoe*))%00", TestName = "ldap.nul_truncation positive: closes the filters and a NUL cuts the rest")]
    public void Nul_truncation(string input) => RuleAssert.Fires(input, "ldap.nul_truncation");
}
