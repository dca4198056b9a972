using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

[TestFixture]
public sealed class FeedbackWeightingTests
{
    private static readonly RuleDefinition Rule = new("test.shape", ThreatCategory.Xss, BaseWeight: 0.8, Floor: 0.4, Ceiling: 0.95, "a test shape", Cwe: 79);

    [Test]
    public void Without_feedback_the_weight_is_the_base_weight() =>
        Assert.That(FeedbackWeighting.Weight(Rule, 0, 0), Is.EqualTo(Rule.BaseWeight).Within(1e-12));

    [Test]
    public void One_false_positive_lowers_the_weight_and_one_true_positive_raises_it()
    {
        Assert.That(FeedbackWeighting.Weight(Rule, 0, 1), Is.LessThan(Rule.BaseWeight));
        Assert.That(FeedbackWeighting.Weight(Rule, 1, 0), Is.GreaterThan(Rule.BaseWeight));
    }

    [Test]
    public void The_estimate_is_the_beta_posterior_mean_with_the_prior_centred_on_the_base_weight()
    {
        var s = FeedbackWeighting.PriorStrength;
        Assert.That(FeedbackWeighting.Weight(Rule, 3, 2), Is.EqualTo((3 + s * 0.8) / (5 + s)).Within(1e-12));
    }

    [Test]
    public void Each_further_false_positive_lowers_it_less_than_the_one_before()
    {
        var first = Rule.BaseWeight - FeedbackWeighting.Weight(Rule, 0, 1);
        var second = FeedbackWeighting.Weight(Rule, 0, 1) - FeedbackWeighting.Weight(Rule, 0, 2);
        Assert.That(second, Is.LessThan(first).And.GreaterThan(0));
    }

    [Test]
    public void No_number_of_false_positives_pushes_it_below_the_floor()
    {
        Assert.That(FeedbackWeighting.Weight(Rule, 0, 1_000_000), Is.EqualTo(Rule.Floor));
        Assert.That(FeedbackWeighting.Weight(Rule, 0, long.MaxValue / 2), Is.EqualTo(Rule.Floor));
    }

    [Test]
    public void No_number_of_true_positives_pushes_it_above_the_ceiling() =>
        Assert.That(FeedbackWeighting.Weight(Rule, 1_000_000, 0), Is.EqualTo(Rule.Ceiling));

    [Test]
    public void Equal_verdicts_either_way_move_the_estimate_towards_one_half()
    {
        var mixed = FeedbackWeighting.Weight(Rule, 50, 50);
        Assert.That(mixed, Is.LessThan(Rule.BaseWeight).And.GreaterThan(0.5));
    }

    [Test]
    public void Negative_counts_are_refused() =>
        Assert.That(() => FeedbackWeighting.Weight(Rule, -1, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void Every_catalogue_rule_keeps_its_base_weight_without_feedback_and_stays_in_bounds_with_it()
    {
        foreach (var rule in RuleCatalogue.Default.Rules)
        {
            Assert.That(FeedbackWeighting.Weight(rule, 0, 0), Is.EqualTo(rule.BaseWeight).Within(1e-12), rule.Id);
            Assert.That(FeedbackWeighting.Weight(rule, 0, 500), Is.InRange(rule.Floor, rule.Ceiling), rule.Id);
        }
    }
}
