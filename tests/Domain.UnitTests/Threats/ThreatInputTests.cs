using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Domain.UnitTests.Common;

namespace InfiniteSecurity.Domain.UnitTests.Threats;

public sealed class ThreatInputTests
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
    public void A_threat_keeps_no_input_unless_given_one()
    {
        Assert.That(NewThreat().Input, Is.Null);
    }

    [Test]
    public void A_kept_input_belongs_to_its_threat_and_is_dated_with_the_detection()
    {
        var threat = NewThreat();
        threat.KeepInput([1, 2, 3], "text/plain; charset=utf-8");

        Assert.Multiple(() =>
        {
            Assert.That(threat.Input!.ThreatId, Is.EqualTo(threat.Id));
            Assert.That(threat.Input.Ciphertext, Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(threat.Input.StoredAt, Is.EqualTo(threat.DetectedAt));
            Assert.That(threat.Input.ContentType, Is.EqualTo("text/plain; charset=utf-8"));
        });
    }

    [Test]
    public void An_input_is_kept_once_only()
    {
        var threat = NewThreat();
        threat.KeepInput([1], null);

        Assert.Throws<DomainException>(() => threat.KeepInput([2], null));
    }

    [Test]
    public void An_empty_ciphertext_is_refused()
    {
        Assert.Throws<DomainException>(() => NewThreat().KeepInput([], null));
    }

    [Test]
    public void A_content_type_is_bounded_and_has_no_control_characters()
    {
        var threat = NewThreat();
        threat.KeepInput([1], "text/plain\r\n" + new string('a', 500));

        Assert.That(threat.Input!.ContentType!.Length, Is.LessThanOrEqualTo(ThreatInput.MaxContentTypeLength));
        Assert.That(threat.Input.ContentType, Does.Not.Contain("\r").And.Not.Contain("\n"));
    }
}
