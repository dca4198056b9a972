using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests;

public sealed class DecisionPolicyTests
{
    private readonly DecisionPolicy _policy = new(new DecisionPolicyOptions());

    private static ThreatAnalysis Analysis(double confidence, string category = ThreatCategory.Xss) =>
        new(confidence >= 0.5, confidence, confidence >= 0.5 ? category : ThreatCategory.None, Severity.Low, 0, []);

    [TestCase(0.95, DecisionAction.BlockImmediate, Severity.Critical, true)]
    [TestCase(0.9, DecisionAction.BlockImmediate, Severity.Critical, true)]
    [TestCase(0.85, DecisionAction.BlockWithLog, Severity.High, true)]
    [TestCase(0.75, DecisionAction.BlockWithLog, Severity.High, false)]
    [TestCase(0.55, DecisionAction.MonitorOnly, Severity.Medium, false)]
    [TestCase(0.2, DecisionAction.Allow, Severity.Low, false)]
    public void Confidence_bands_follow_the_seed_policy(double confidence, DecisionAction action, Severity level, bool review)
    {
        var decision = _policy.Decide(Analysis(confidence), isAdmin: false);

        Assert.That(decision, Is.EqualTo(new Decision(action, level, review)));
    }

    [Test]
    public void Admin_below_point_eight_is_allowed_with_a_warning()
    {
        Assert.That(_policy.Decide(Analysis(0.75), isAdmin: true).Action, Is.EqualTo(DecisionAction.AllowWithWarning));
        Assert.That(_policy.Decide(Analysis(0.85), isAdmin: true).Action, Is.EqualTo(DecisionAction.BlockWithLog));
        Assert.That(_policy.Decide(Analysis(0.2), isAdmin: true).Action, Is.EqualTo(DecisionAction.Allow));
    }

    [Test]
    public void Sql_injection_above_point_six_is_at_least_blocked_with_log_even_for_admins()
    {
        Assert.That(_policy.Decide(Analysis(0.65, ThreatCategory.SqlInjection), isAdmin: false).Action, Is.EqualTo(DecisionAction.BlockWithLog));
        Assert.That(_policy.Decide(Analysis(0.65, ThreatCategory.SqlInjection), isAdmin: true).Action, Is.EqualTo(DecisionAction.BlockWithLog));
        Assert.That(_policy.Decide(Analysis(0.65, ThreatCategory.Xss), isAdmin: false).Action, Is.EqualTo(DecisionAction.MonitorOnly));
    }

    [Test]
    public void Inconsistent_thresholds_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DecisionPolicy(new DecisionPolicyOptions { MonitorAt = 0.95 }));
        Assert.Throws<ArgumentException>(() => new DecisionPolicy(new DecisionPolicyOptions { HumanReviewAt = 1.5 }));
    }
}
