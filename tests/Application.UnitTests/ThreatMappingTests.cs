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
}
