using static InfiniteSecurity.Detection.UnitTests.Rules.RuleAssertions;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>One positive and one look-alike per XPath rule id (CWE-643).</summary>
[TestFixture]
public sealed class XPathRuleTests
{
    [TestCase("xpath.node_probe", "q' or count(/*)=2 or 'a'='b")]
    [TestCase("xpath.node_probe", "q' or name()='pin' or 'a'='b")]
    [TestCase("xpath.predicate_breakout", "q')] | //pin")]
    [TestCase("xpath.axis", "q/ancestor::node")]
    public void Positive(string ruleId, string input) => RuleAssert.Fires(input, ruleId);

    [TestCase("xpath.node_probe", "count(items) is 3")]
    [TestCase("xpath.axis", "std::vector")]
    public void Benign_look_alike(string ruleId, string input) => RuleAssert.DoesNotFire(input, ruleId);
}
