using System.Net;
using InfiniteSecurity.AspNetCore.Tests.Infrastructure;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.AspNetCore.Tests;

public sealed class MonitorModeTests
{
    [Test]
    public async Task In_monitor_mode_an_attack_reaches_the_app_and_the_feature_carries_the_verdict()
    {
        await using var host = await ProtectedHost.StartAsync(new Dictionary<string, string?> { ["ThreatDetection:Mode"] = "Monitor" });

        using var response = await host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var feature = host.SingleExecution().Feature;
        Assert.That(feature, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(feature!.Mode, Is.EqualTo(ThreatDetectionMode.Monitor));
            Assert.That(feature.Inspected, Is.True);
            Assert.That(feature.IsThreat, Is.True);
            Assert.That(feature.ShouldBlock, Is.True, "Block mode would have blocked it");
            Assert.That(feature.Decision!.Action, Is.AnyOf(DecisionAction.BlockWithLog, DecisionAction.BlockImmediate));
            Assert.That(feature.Verdict!.Analysis.Category, Is.EqualTo(ThreatCategory.SqlInjection));
            Assert.That(feature.Verdict.Findings.Select(f => f.Location), Has.Member("query:q"));
        });
        Assert.That(host.Logs.Lines, Has.Some.Contains("Threat detected, request let through (Monitor mode): sql_injection"));
    }

    [Test]
    public async Task UseThreatDetection_overrides_the_mode_from_configuration_and_OnDetection_sees_the_verdict()
    {
        var seen = new List<(bool WillBlock, string Family)>();
        await using var host = await ProtectedHost.StartAsync(
            new Dictionary<string, string?> { ["ThreatDetection:Mode"] = "Block" },
            use: o =>
            {
                o.Mode = ThreatDetectionMode.Monitor;
                o.OnDetection = c =>
                {
                    lock (seen)
                    {
                        seen.Add((c.WillBlock, c.Detection.Verdict!.Analysis.Category));
                    }

                    return Task.CompletedTask;
                };
            });

        using var attack = await host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.Xss));
        using var benign = await host.Client.GetAsync("/search?q=blue+suede+shoes");

        Assert.That(attack.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(benign.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seen, Is.EqualTo(new[] { (false, ThreatCategory.Xss) }), "called once, for the attack only, and nothing is blocked in monitor mode");
    }

    [Test]
    public async Task A_failing_OnDetection_callback_is_logged_and_does_not_change_the_outcome()
    {
        await using var host = await ProtectedHost.StartAsync(add: o => o.OnDetection = _ => throw new InvalidOperationException("alerting is down"));

        using var attack = await host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection));
        using var benign = await host.Client.GetAsync("/search?q=boots");

        Assert.That(attack.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(benign.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(host.Logs.Lines, Has.Some.Contains("The OnDetection callback failed"));
    }
}
