using static InfiniteSecurity.Detection.UnitTests.Rules.RuleAssertions;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>One positive and one look-alike per NoSQL rule id (CWE-943).</summary>
[TestFixture]
public sealed class NoSqlRuleTests
{
    [TestCase("nosql.server_side_js", "{\"$where\": \"1\"}")]
    [TestCase("nosql.operator_injection", "pin[$gt]=")]
    [TestCase("nosql.operator_injection", "{\"pin\": {\"$ne\": 0}}")]
    [TestCase("nosql.operator_injection", "[{\"$match\": {}}]")]
    [TestCase("nosql.js_breakout", "q' || 2==2//")]
    [TestCase("nosql.js_breakout", "q'; return 'a' == '")]
    [TestCase("nosql.js_field_breakout", "q' && this.pin.length > 1 //")]
    [TestCase("nosql.js_sleep_breakout", "q'; sleep(900); var z='")]
    [TestCase("nosql.where_predicate", "this.pin == 'q'")]
    [TestCase("nosql.where_predicate", "7;return true")]
    [TestCase("nosql.shell_api", "db.carts.find()")]
    [TestCase("nosql.js_time_probe", "7; while(true){}")]
    public void Positive(string ruleId, string input) => RuleAssert.Fires(input, ruleId);

    [TestCase("nosql.operator_injection", "costs $gt 5 dollars")]
    [TestCase("nosql.js_breakout", "it's a || b option")]
    [TestCase("nosql.where_predicate", "function(){var r=[];for(var i=0;i<this.length;i++){r.push(this[i])}return r}")]
    [TestCase("nosql.where_predicate", "this.value is set")]
    [TestCase("nosql.js_sleep_breakout", "I'd sleep(8 hours) now")]
    public void Benign_look_alike(string ruleId, string input) => RuleAssert.DoesNotFire(input, ruleId);
}
