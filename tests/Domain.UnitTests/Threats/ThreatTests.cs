using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Domain.UnitTests.Common;

namespace InfiniteSecurity.Domain.UnitTests.Threats;

public sealed class ThreatTests
{
    private readonly ManualTime _time = new();
    private readonly DecisionPolicy _policy = new(new DecisionPolicyOptions());

    private static ThreatAnalysis Analysis(bool isThreat, string category, double confidence) =>
        new(isThreat, confidence, category, Severity.Critical, (int)(confidence * 99),
            [new Finding(category, "test.rule", confidence, "raw", 0, 1, "x", "because")]);

    [Test]
    public void Recording_a_threat_keeps_a_fingerprint_not_the_input()
    {
        const string input = "admin' OR '1'='1";
        var analysis = Analysis(true, ThreatCategory.SqlInjection, 0.95);

        var threat = Threat.Record(Guid.NewGuid(), analysis, _policy.Decide(analysis, false), InputFingerprint.Of(input), "evidence", "1.2.3.4", null, _time);

        Assert.Multiple(() =>
        {
            Assert.That(threat.InputSha256, Has.Length.EqualTo(64));
            Assert.That(threat.InputLength, Is.EqualTo(input.Length));
            Assert.That(threat.Blocked, Is.True);
            Assert.That(threat.PatternsMatched, Is.EqualTo("test.rule"));
            Assert.That(threat.DetectedAt, Is.EqualTo(_time.GetUtcNow().UtcDateTime));
        });
    }

    [Test]
    public void A_benign_analysis_cannot_be_recorded_as_a_threat()
    {
        var benign = ThreatAnalysis.Benign;

        Assert.Throws<DomainException>(() =>
            Threat.Record(Guid.NewGuid(), benign, _policy.Decide(benign, false), InputFingerprint.Of("hello"), "", null, null, _time));
    }

    [Test]
    public void Unknown_categories_are_refused()
    {
        var analysis = Analysis(true, "made_up", 0.9);

        Assert.Throws<DomainException>(() =>
            Threat.Record(Guid.NewGuid(), analysis, _policy.Decide(analysis, false), InputFingerprint.Of("x"), "", null, null, _time));
    }

    [Test]
    public void Same_input_gives_same_fingerprint_and_different_input_a_different_one()
    {
        var first = InputFingerprint.Of("abc");
        var again = InputFingerprint.Of(new string(['a', 'b', 'c']));

        Assert.That(again, Is.EqualTo(first));
        Assert.That(InputFingerprint.Of("abc").Sha256, Is.Not.EqualTo(InputFingerprint.Of("abd").Sha256));
    }

    [Test]
    public void A_new_threat_is_one_occurrence_first_and_last_seen_at_its_detection_and_collects_no_repeats()
    {
        var analysis = Analysis(true, ThreatCategory.SqlInjection, 0.95);

        var threat = Threat.Record(Guid.NewGuid(), analysis, _policy.Decide(analysis, false), InputFingerprint.Of("a' OR 'b'='b"), "evidence", "1.2.3.4", null, _time);

        Assert.Multiple(() =>
        {
            Assert.That(threat.Occurrences, Is.EqualTo(1));
            Assert.That(threat.FirstSeen, Is.EqualTo(threat.DetectedAt));
            Assert.That(threat.LastSeen, Is.EqualTo(threat.DetectedAt));
            Assert.That(threat.AggregationKey, Is.Null);
        });
    }

    [Test]
    public void Only_a_threat_under_an_aggregation_key_absorbs_a_repeat_with_the_same_key()
    {
        var analysis = Analysis(true, ThreatCategory.SqlInjection, 0.95);
        Threat Detect() => Threat.Record(Guid.NewGuid(), analysis, _policy.Decide(analysis, false), InputFingerprint.Of("a' OR 'b'='b"), "evidence", "1.2.3.4", null, _time);
        var first = Detect();
        var repeat = Detect();

        Assert.Throws<DomainException>(() => first.Absorb(repeat), "neither has a key");
        first.AggregateUnder("k");
        repeat.AggregateUnder("k");
        first.Absorb(repeat);

        Assert.That(first.Occurrences, Is.EqualTo(2));
    }
}
