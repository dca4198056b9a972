using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class ScoringAndDecisionTests
{
    private const string Attack = "x' OR 'a'='a";

    [Test]
    public void Behaviour_history_raises_confidence()
    {
        var analyzer = AnalyzerFactory.Shared;
        var clean = analyzer.Analyze("search?next=//e.test");
        var repeat = analyzer.Analyze("search?next=//e.test", new BehaviourSignal(RecentThreatsFromUser: 3, RecentThreatsFromIp: 2));
        Assert.That(repeat.Confidence, Is.GreaterThan(clean.Confidence));
    }

    [Test]
    public void Behaviour_history_alone_never_flags_benign_input()
    {
        var analysis = AnalyzerFactory.Shared.Analyze("Library for parsing configuration files", new BehaviourSignal(50, 50));
        Assert.That(analysis.IsThreat, Is.False);
    }

    [Test]
    public void Statistical_layer_never_flags_dense_but_honest_text()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AnalyzerFactory.Shared.Analyze("a1b2-c3d4-e5f6 :: {x}, [y]; (z)!").IsThreat, Is.False);
            Assert.That(AnalyzerFactory.Shared.Analyze("Q29uZmlnIGZpbGUgZm9yIHRoZSBhcHA=").IsThreat, Is.False);
        });
    }

    [Test]
    public void Deeper_obfuscation_raises_confidence_of_the_same_attack()
    {
        var once = AnalyzerFactory.Shared.Analyze("%3Csvg%2Fonload%3Dconfirm(1)%3E");
        var thrice = AnalyzerFactory.Shared.Analyze("%25253Csvg%25252Fonload%25253Dconfirm(1)%25253E");
        Assert.That(thrice.Confidence, Is.GreaterThan(once.Confidence));
    }

    [Test]
    public void Verdict_fields_follow_the_policy()
    {
        var policy = new DecisionPolicy(new DecisionPolicyOptions());
        var analysis = new ThreatAnalyzer(policy).Analyze(Attack);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.IsThreat, Is.True);
            Assert.That(analysis.Confidence, Is.InRange(0.5, 1.0));
            Assert.That(analysis.Severity, Is.EqualTo(policy.SeverityFor(analysis.Confidence)));
            Assert.That(analysis.RiskScore, Is.InRange(0, 99));
            Assert.That(analysis.RiskScore, Is.EqualTo((int)Math.Round(analysis.Confidence * 99)));
            Assert.That(analysis.Findings[0].Category, Is.EqualTo(analysis.Category));
            Assert.That(analysis.PatternsMatched, Is.Not.Empty);
        });
    }

    [Test]
    public void Stricter_policy_changes_severity_not_detection()
    {
        var strict = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions { BlockImmediateAt = 0.99, BlockWithLogAt = 0.98, MonitorAt = 0.97 }));
        var analysis = strict.Analyze("x' UNION SELECT 1-- ");
        Assert.Multiple(() =>
        {
            Assert.That(analysis.IsThreat, Is.True);
            Assert.That(analysis.Severity, Is.LessThan(Severity.Critical));
        });
    }

    [Test]
    public void Benign_input_gets_the_benign_verdict()
    {
        var analysis = AnalyzerFactory.Shared.Analyze("Debian Games Team <pkg-games-devel@lists.example.org>");
        Assert.Multiple(() =>
        {
            Assert.That(analysis.IsThreat, Is.False);
            Assert.That(analysis.Category, Is.EqualTo(ThreatCategory.None));
            Assert.That(analysis.RiskScore, Is.LessThan(50));
        });
    }

    [Test]
    public void Evidence_is_bounded_for_large_inputs()
    {
        var analysis = AnalyzerFactory.Shared.Analyze("<script>" + new string('a', 5000) + "</script>");
        Assert.That(analysis.Findings.Select(f => f.Evidence.Length), Has.All.LessThanOrEqualTo(Finding.MaxEvidenceLength));
    }
}
