using System.Text.Json;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Infrastructure.Persistence.Writing;

namespace InfiniteSecurity.Infrastructure.UnitTests.Persistence;

public sealed class ThreatAggregationTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset WindowStart = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static Threat Detect(string input = "x' OR 'k'='k", string? ip = "192.0.2.7", string? user = "user-1", double secondsIn = 1, params string[] rules)
    {
        var findings = (rules.Length == 0 ? ["sqli.tautology"] : rules)
            .Select(r => new Finding(ThreatCategory.SqlInjection, r, 0.9, "raw", 0, 1, "x", "because")).ToArray();
        var analysis = new ThreatAnalysis(true, 0.9, ThreatCategory.SqlInjection, Severity.High, 80, findings);
        var decision = new DecisionPolicy(new DecisionPolicyOptions()).Decide(analysis, false);
        return Threat.Record(Guid.NewGuid(), analysis, decision, InputFingerprint.Of(input), "[]", ip, user, new At(WindowStart.AddSeconds(secondsIn)));
    }

    private static SpoolRecord Keyed(Threat threat, TimeSpan? window = null)
    {
        threat.AggregateUnder(ThreatAggregationKey.For(threat, window ?? Window));
        return new SpoolRecord
        {
            Threat = threat,
            AuditEvent = AuditEvent.Record(AuditEventType.ThreatDetected, AuditOutcome.Success, threat.UserId, threat.SourceIp, "ua", $"threat={threat.Id}", TimeProvider.System),
        };
    }

    [Test]
    public void Repeats_of_one_attack_from_one_source_in_one_window_share_a_key()
    {
        var first = ThreatAggregationKey.For(Detect(secondsIn: 1), Window);
        var later = ThreatAggregationKey.For(Detect(secondsIn: 59), Window);

        Assert.That(first, Is.EqualTo(later).And.Length.EqualTo(64));
    }

    [Test]
    public void Rule_order_and_repeats_in_the_rule_list_do_not_change_the_key()
    {
        var one = ThreatAggregationKey.For(Detect(rules: ["sqli.tautology", "sqli.comment"]), Window);
        var other = ThreatAggregationKey.For(Detect(rules: ["sqli.comment", "sqli.tautology", "sqli.comment"]), Window);

        Assert.That(one, Is.EqualTo(other));
    }

    [TestCase("other input", "192.0.2.7", "user-1", 1.0, TestName = "Another_input_has_another_key")]
    [TestCase("x' OR 'k'='k", "192.0.2.8", "user-1", 1.0, TestName = "Another_address_has_another_key")]
    [TestCase("x' OR 'k'='k", "192.0.2.7", "user-2", 1.0, TestName = "Another_user_has_another_key")]
    [TestCase("x' OR 'k'='k", "192.0.2.7", null, 1.0, TestName = "An_anonymous_caller_has_another_key_than_a_signed_in_one")]
    [TestCase("x' OR 'k'='k", "192.0.2.7", "user-1", 61.0, TestName = "The_next_window_has_another_key")]
    public void A_different_source_input_or_window_has_a_different_key(string input, string ip, string? user, double secondsIn)
    {
        var reference = ThreatAggregationKey.For(Detect(), Window);

        Assert.That(ThreatAggregationKey.For(Detect(input, ip, user, secondsIn), Window), Is.Not.EqualTo(reference));
    }

    [Test]
    public void Other_rules_matched_give_another_key()
    {
        Assert.That(ThreatAggregationKey.For(Detect(rules: ["sqli.union"]), Window), Is.Not.EqualTo(ThreatAggregationKey.For(Detect(), Window)));
    }

    [Test]
    public void Parts_cannot_run_into_each_other()
    {
        // Without separators these two sources would read the same: "1.2" + "3" and "1.23" + "".
        var one = ThreatAggregationKey.For(Detect(ip: "1.2", user: "3"), Window);
        var other = ThreatAggregationKey.For(Detect(ip: "1.23", user: ""), Window);

        Assert.That(one, Is.Not.EqualTo(other));
    }

    [Test]
    public void A_zero_window_turns_aggregation_off()
    {
        Assert.That(ThreatAggregationKey.For(Detect(), TimeSpan.Zero), Is.Null);
    }

    [Test]
    public void Folding_a_batch_keeps_the_first_record_of_each_attack_with_the_sum_of_occurrences_and_the_seen_times()
    {
        var first = Keyed(Detect(secondsIn: 5));
        var other = Keyed(Detect(ip: "198.51.100.1", secondsIn: 6));
        var repeat = Keyed(Detect(secondsIn: 20));
        var earlier = Keyed(Detect(secondsIn: 2));

        var (records, foldedInto) = ThreatFolding.Fold([first, other, repeat, earlier]);

        Assert.Multiple(() =>
        {
            Assert.That(records, Is.EqualTo(new[] { first, other }));
            Assert.That(first.Threat!.Occurrences, Is.EqualTo(3));
            Assert.That(first.Threat.FirstSeen, Is.EqualTo(earlier.Threat!.DetectedAt));
            Assert.That(first.Threat.LastSeen, Is.EqualTo(repeat.Threat!.DetectedAt));
            Assert.That(other.Threat!.Occurrences, Is.EqualTo(1));
            Assert.That(foldedInto[repeat.Threat.Id], Is.EqualTo(first.Threat.Id));
            Assert.That(foldedInto[earlier.Threat.Id], Is.EqualTo(first.Threat.Id));
            Assert.That(foldedInto[other.Threat.Id], Is.EqualTo(other.Threat.Id));
        });
    }

    [Test]
    public void Folding_leaves_threats_without_a_key_and_audit_only_records_alone()
    {
        var unkeyed = new SpoolRecord { Threat = Detect() };
        var twin = new SpoolRecord { Threat = Detect() };
        var auditOnly = new SpoolRecord { AuditEvent = AuditEvent.Record(AuditEventType.LoginFailed, AuditOutcome.Failure, "a", null, null, null, TimeProvider.System) };

        var (records, _) = ThreatFolding.Fold([unkeyed, twin, auditOnly]);

        Assert.That(records, Is.EqualTo(new[] { unkeyed, twin, auditOnly }));
        Assert.That(unkeyed.Threat!.Occurrences, Is.EqualTo(1));
    }

    [Test]
    public void A_threat_with_another_key_cannot_be_absorbed()
    {
        var one = Keyed(Detect()).Threat!;
        var other = Keyed(Detect(ip: "198.51.100.2")).Threat!;

        Assert.Throws<DomainException>(() => one.Absorb(other));
        Assert.Throws<DomainException>(() => one.Absorb(one));
    }

    [Test]
    public void A_folded_record_keeps_its_occurrences_and_key_through_the_spool_format()
    {
        var first = Keyed(Detect(secondsIn: 3));
        var (records, _) = ThreatFolding.Fold([first, Keyed(Detect(secondsIn: 9))]);

        var back = JsonSerializer.Deserialize<SpoolRecord>(JsonSerializer.Serialize(records[0], SpoolRecord.Json), SpoolRecord.Json)!;

        Assert.Multiple(() =>
        {
            Assert.That(back.Threat!.Occurrences, Is.EqualTo(2));
            Assert.That(back.Threat.FirstSeen, Is.EqualTo(first.Threat!.FirstSeen));
            Assert.That(back.Threat.LastSeen, Is.EqualTo(first.Threat.LastSeen));
            Assert.That(back.Threat.AggregationKey, Is.EqualTo(first.Threat.AggregationKey));
        });
    }
}
