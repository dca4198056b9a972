using System.Text.RegularExpressions;
using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>The catalogue as data: consistent entries, one id each, weights that tuning can move only within bounds.</summary>
public sealed class RuleCatalogueTests
{
    private static readonly RuleCatalogue Catalogue = RuleCatalogue.Default;

    [Test]
    public void Every_attack_family_has_rules_and_every_rule_is_consistent()
    {
        var families = Catalogue.Rules.Select(r => r.Family).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(families, Is.SupersetOf(ThreatCategory.All));
            foreach (var rule in Catalogue.Rules)
            {
                Assert.That(() => rule.Validate(), Throws.Nothing, rule.Id);
                Assert.That(rule.Id, Does.Match("^[a-z0-9]+\\.[a-z0-9_]+$"), rule.Id);
            }
        });
    }

    [Test]
    public void A_rule_declared_twice_is_refused()
    {
        var rule = Catalogue.Rules[0];
        Assert.That(() => new RuleCatalogue([rule, rule with { BaseWeight = rule.Floor }]), Throws.InvalidOperationException);
    }

    [Test]
    public void Bounds_out_of_order_are_refused()
    {
        Assert.That(() => new RuleCatalogue([new RuleDefinition("x.y", ThreatCategory.Xss, 0.4, 0.5, 0.9, "r", 79)]), Throws.InvalidOperationException);
    }

    [Test]
    public void Every_rule_has_hand_written_cases_named_by_its_id()
    {
        var folder = Path.Combine(TestCorpora.RepositoryRoot(), "tests", "Detection.UnitTests");
        var text = string.Join('\n', Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var missing = Catalogue.Rules.Where(r => !Regex.IsMatch(text, "\"" + Regex.Escape(r.Id) + "[\" ]")).Select(r => r.Id).ToArray();

        Assert.That(missing, Is.Empty, $"{missing.Length} of {Catalogue.Rules.Count} rules have no test naming them: {string.Join(", ", missing)}");
    }

    [Test]
    public void An_override_moves_the_confidence_of_what_the_rule_finds()
    {
        const string input = "1' OR '1'='1' -- ";
        var weights = new RuleWeightOverrides();
        var analyzer = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()), weights);
        var before = analyzer.Analyze(input);
        var rule = before.Findings[0].RuleId;
        Assert.That(Catalogue.TryGet(rule, out var definition), Is.True);

        weights.Replace(new Dictionary<string, double> { [rule] = definition.Floor }, Catalogue);
        var after = analyzer.Analyze(input).Findings.Single(f => f.RuleId == rule);

        Assert.That(after.Confidence, Is.EqualTo(Math.Round(definition.Floor, 3)).And.LessThan(before.Findings[0].Confidence));
    }

    [Test]
    public void An_override_is_clamped_into_the_rule_bounds_and_unknown_ids_are_ignored()
    {
        var rule = Catalogue.Rules[0];
        var weights = new RuleWeightOverrides();

        weights.Replace(new Dictionary<string, double> { [rule.Id] = -5, ["no.such_rule"] = 0.1 }, Catalogue);
        Assert.That(weights.EffectiveWeight(rule), Is.EqualTo(rule.Floor));

        weights.Replace(new Dictionary<string, double> { [rule.Id] = 5 }, Catalogue);
        Assert.That(weights.EffectiveWeight(rule), Is.EqualTo(rule.Ceiling));

        weights.Replace(new Dictionary<string, double>(), Catalogue);
        Assert.That(weights.EffectiveWeight(rule), Is.EqualTo(rule.BaseWeight));
    }
}
