namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>Hand-written cases per server-side include rule id.</summary>
public sealed class SsiRuleTests
{
    [TestCase("<!--#include virtual=\"/footer.html\" -->", TestName = "ssi.directive positive: include virtual")]
    [TestCase("<!--#echo var=\"DOCUMENT_NAME\" -->", TestName = "ssi.directive positive: echo var")]
    public void Directive(string input)
    {
        RuleAssert.Fires(input, "ssi.directive");
        RuleAssert.Typed(input, ThreatCategory.SsiInjection);
    }

    [TestCase("<!-- #include is explained below -->", TestName = "ssi.directive look-alike: comment that names a directive without a parameter")]
    public void Directive_look_alike(string input) => RuleAssert.Benign(input);

    [TestCase("<!--#exec cmd=\"uname -a\" -->", TestName = "ssi.exec_directive positive: exec cmd")]
    public void Exec_directive(string input)
    {
        RuleAssert.Fires(input, "ssi.exec_directive");
        RuleAssert.Fires(input, "cmd.ssi_exec");
    }

    [TestCase("<!--#echo var=\"exec\" -->", TestName = "cmd.ssi_exec look-alike: echo of a variable named exec")]
    public void Exec_look_alike(string input) => RuleAssert.DoesNotFire(input, "cmd.ssi_exec");
}
