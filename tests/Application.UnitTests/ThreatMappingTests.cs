using AutoMapper;
using InfiniteSecurity.Application.Threats.GetThreat;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Threats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.Application.UnitTests;

public sealed class ThreatMappingTests
{
    private static IMapper Mapper()
    {
        var provider = new ServiceCollection().AddLogging().AddApplication(new ConfigurationBuilder().Build()).BuildServiceProvider();
        return provider.GetRequiredService<IMapper>();
    }

    [Test]
    public void Mapping_configuration_is_complete() =>
        Assert.DoesNotThrow(() => Mapper().ConfigurationProvider.AssertConfigurationIsValid());

    [Test]
    public void A_stored_threat_maps_to_its_read_model_spelled_like_the_analyze_response()
    {
        var analysis = new ThreatAnalysis(true, 0.75, ThreatCategory.Xss, Severity.High, 74,
            [new Finding(ThreatCategory.Xss, "xss.event_handler", 0.75, "raw", 0, 5, "<svg ", "event handler")]);
        var decision = new DecisionPolicy(new DecisionPolicyOptions()).Decide(analysis, isAdmin: false);
        var threat = Threat.Record(Guid.NewGuid(), analysis, decision, InputFingerprint.Of("<svg onload=x>"), "[]", "10.0.0.1", "user-1", TimeProvider.System);

        var view = Mapper().Map<ThreatView>(threat);

        Assert.Multiple(() =>
        {
            Assert.That(view.Id, Is.EqualTo(threat.Id));
            Assert.That(view.Severity, Is.EqualTo("high"));
            Assert.That(view.Action, Is.EqualTo("BLOCK_WITH_LOG"));
            Assert.That(view.PatternsMatched, Is.EqualTo("xss.event_handler"));
            Assert.That(view.InputLength, Is.EqualTo(14));
            Assert.That(view.UserId, Is.EqualTo("user-1"));
        });
    }

    [Test]
    public void The_detail_reads_the_findings_back_from_the_stored_evidence()
    {
        var analysis = new ThreatAnalysis(true, 0.75, ThreatCategory.Xss, Severity.High, 74,
            [new Finding(ThreatCategory.Xss, "xss.event_handler", 0.75, "raw", 3, 5, "<svg ", "event handler")]);
        var decision = new DecisionPolicy(new DecisionPolicyOptions()).Decide(analysis, isAdmin: false);
        var evidence = """[{"location":"query:q","category":"xss","rule_id":"xss.event_handler","confidence":0.75,"view":"raw","start":3,"length":5,"evidence":"<svg ","reason":"event handler"}]""";
        var threat = Threat.Record(Guid.NewGuid(), analysis, decision, InputFingerprint.Of("a=<svg onload=x>"), evidence, null, "user-1", TimeProvider.System);

        var detail = Mapper().Map<ThreatDetail>(threat);

        Assert.That(detail.ReviewState, Is.EqualTo("unreviewed"));
        Assert.That(detail.Findings, Is.EqualTo(new[] { new ThreatFinding("xss.event_handler", "xss", 0.75, "query:q", "raw", 3, 5, "<svg ", "event handler") }));
    }

    [Test]
    public void Evidence_that_does_not_parse_gives_no_findings()
    {
        var analysis = new ThreatAnalysis(true, 0.75, ThreatCategory.Xss, Severity.High, 74,
            [new Finding(ThreatCategory.Xss, "xss.event_handler", 0.75, "raw", 0, 5, "<svg ", "event handler")]);
        var decision = new DecisionPolicy(new DecisionPolicyOptions()).Decide(analysis, isAdmin: false);
        var threat = Threat.Record(Guid.NewGuid(), analysis, decision, InputFingerprint.Of("x"), "[{\"rule_id\":\"cut", null, null, TimeProvider.System);

        Assert.That(Mapper().Map<ThreatDetail>(threat).Findings, Is.Empty);
    }
}
