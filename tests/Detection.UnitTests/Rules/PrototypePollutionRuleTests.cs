namespace InfiniteSecurity.Detection.UnitTests.Rules;

[TestFixture]
public sealed class PrototypePollutionRuleTests
{
    [TestCase("proto.proto_key", "__proto__[admin]=1", TestName = "proto.proto_key positive: bracket parameter")]
    [TestCase("proto.proto_key", "{\"__proto__\":{\"x\":1}}", TestName = "proto.proto_key positive: JSON key")]
    [TestCase("proto.constructor_prototype", "constructor[prototype][x]=1", TestName = "proto.constructor_prototype positive: bracket path")]
    public void Fires(string rule, string input) => RuleAssert.Fires(input, rule);

    [TestCase("the __proto__ property is deprecated", TestName = "proto.proto_key negative: prose")]
    [TestCase("a constructor is called with new", TestName = "proto.constructor_prototype negative: prose")]
    public void Stays_benign(string input) => RuleAssert.Benign(input);
}
