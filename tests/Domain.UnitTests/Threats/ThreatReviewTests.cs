using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Domain.UnitTests.Common;

namespace InfiniteSecurity.Domain.UnitTests.Threats;

public sealed class ThreatReviewTests
{
    private readonly ManualTime _time = new();

    private Threat NewThreat()
    {
        var analysis = new ThreatAnalysis(true, 0.95, ThreatCategory.SqlInjection, Severity.Critical, 94,
            [new Finding(ThreatCategory.SqlInjection, "test.rule", 0.95, "raw", 0, 1, "x", "because")]);
        var decision = new DecisionPolicy(new DecisionPolicyOptions()).Decide(analysis, false);
        return Threat.Record(Guid.NewGuid(), analysis, decision, InputFingerprint.Of("q"), "[]", null, null, _time);
    }

    [Test]
    public void A_new_threat_is_unreviewed()
    {
        var threat = NewThreat();

        Assert.That(threat.ReviewState, Is.EqualTo(ThreatReviewState.Unreviewed));
        Assert.That(threat.ReviewedAt, Is.Null);
    }

    [Test]
    public void A_later_verdict_replaces_an_earlier_one()
    {
        var threat = NewThreat();
        var at = _time.GetUtcNow().UtcDateTime;

        threat.MarkReviewed(ThreatReviewState.TruePositive, at.AddMinutes(1));
        threat.MarkReviewed(ThreatReviewState.FalsePositive, at.AddMinutes(2));

        Assert.That(threat.ReviewState, Is.EqualTo(ThreatReviewState.FalsePositive));
        Assert.That(threat.ReviewedAt, Is.EqualTo(at.AddMinutes(2)));
    }

    [Test]
    public void A_review_back_to_unreviewed_or_before_detection_or_in_local_time_is_refused()
    {
        var threat = NewThreat();
        var at = _time.GetUtcNow().UtcDateTime;

        Assert.Throws<DomainException>(() => threat.MarkReviewed(ThreatReviewState.Unreviewed, at.AddMinutes(1)));
        Assert.Throws<DomainException>(() => threat.MarkReviewed((ThreatReviewState)7, at.AddMinutes(1)));
        Assert.Throws<DomainException>(() => threat.MarkReviewed(ThreatReviewState.TruePositive, at.AddMinutes(-1)));
        Assert.Throws<DomainException>(() => threat.MarkReviewed(ThreatReviewState.TruePositive, DateTime.SpecifyKind(at.AddMinutes(1), DateTimeKind.Unspecified)));
        Assert.That(threat.ReviewState, Is.EqualTo(ThreatReviewState.Unreviewed));
    }
}
