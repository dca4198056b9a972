using InfiniteSecurity.Detection.Remediation;

using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

[TestFixture]
public sealed class RemediationTests
{
    [Test]
    public void Every_family_of_the_rule_catalogue_has_a_remediation_with_an_https_reference()
    {
        foreach (var family in RuleCatalogue.Default.Rules.Select(r => r.Family).Distinct())
        {
            var remediation = Remediations.For(family);
            Assert.That(remediation, Is.Not.Null, family);
            Assert.That(remediation!.Reference.Scheme, Is.EqualTo("https"), family);
            Assert.That(remediation.Advice, Has.Length.GreaterThan(40), family);
        }
    }

    [Test]
    public void The_sql_remediation_names_parameterised_queries_and_the_shell_one_argv_apis()
    {
        Assert.That(Remediations.For(ThreatCategory.SqlInjection)!.Advice, Does.Contain("parameterised queries"));
        Assert.That(Remediations.For(ThreatCategory.CommandInjection)!.Advice, Does.Contain("argv API"));
    }

    [Test]
    public void None_has_no_remediation() => Assert.That(Remediations.For(ThreatCategory.None), Is.Null);
}
