namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>
/// Hand-written cases for the SQL shapes without a breakout (the <c>_bare</c> and weak variants): they fire, and
/// the weak ones alone stay below the threat threshold.
/// </summary>
public sealed class SqlWeakShapeRuleTests
{
    [TestCase("(select top 1 name from users)", "sqli.subquery_bare", TestName = "sqli.subquery_bare positive: parenthesised subquery")]
    [TestCase("case when 1=1 then 1 else 0 end", "sqli.conditional_bare", TestName = "sqli.conditional_bare positive: CASE WHEN")]
    [TestCase("1 order by 5--", "sqli.order_by_probe_bare", TestName = "sqli.order_by_probe_bare positive: column count probe")]
    [TestCase("and sleep(1)#", "sqli.boolean_leading_weak", TestName = "sqli.boolean_leading_weak positive: leading AND with a function")]
    public void Bare_shape_fires(string input, string rule) => RuleAssert.Fires(input, rule);

    [TestCase("select name from users", "sqli.select_from", TestName = "sqli.select_from weak: a query on its own")]
    [TestCase("select 1", "sqli.select_keyword", TestName = "sqli.select_keyword weak: keyword and a number")]
    [TestCase("the quick brown fox' or a=b", "sqli.boolean_after_apostrophe", TestName = "sqli.boolean_after_apostrophe weak: condition after an apostrophe in prose")]
    public void Weak_shape_fires_but_alone_is_no_threat(string input, string rule)
    {
        RuleAssert.Fires(input, rule);
        RuleAssert.Benign(input);
    }

    [TestCase("Please select one of the options below", TestName = "sqli.select_keyword look-alike: select in a sentence")]
    public void Select_look_alike(string input) => RuleAssert.DoesNotFire(input, "sqli.select_keyword");
}
