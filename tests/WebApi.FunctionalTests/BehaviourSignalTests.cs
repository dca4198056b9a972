using System.Collections.Concurrent;
using System.Net.Http.Json;
using InfiniteSecurity.Detection;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests;

/// <summary>The engine's behavioural layer gets the sender's recent threats, gathered outside the pure engine.</summary>
public sealed class BehaviourSignalTests
{
    private sealed class RecordingAnalyzer : IThreatAnalyzer
    {
        public ConcurrentQueue<BehaviourSignal> Signals { get; } = new();

        public ThreatAnalysis Analyze(string input, BehaviourSignal behaviour = default)
        {
            Signals.Enqueue(behaviour);
            return input.StartsWith("attack", StringComparison.Ordinal)
                ? new ThreatAnalysis(true, 0.95, ThreatCategory.Xss, Severity.Critical, 94, [new Finding(ThreatCategory.Xss, "test.rule", 0.95, "raw", 0, 6, "attack", "test")])
                : ThreatAnalysis.Benign;
        }
    }

    [Test]
    public async Task Repeated_threats_from_one_ip_reach_the_engine_as_a_rising_behaviour_signal()
    {
        var analyzer = new RecordingAnalyzer();
        await using var factory = await new ApiFactory { ConfigureServices = s => s.AddSingleton<IThreatAnalyzer>(analyzer) }.StartAsync();
        using var client = await factory.CreateUserClientAsync();

        foreach (var input in new[] { "hello", "attack 1", "attack 2", "hello again", "attack 3", "final" })
        {
            (await client.PostAsJsonAsync("/api/v1/analyze", new { input })).EnsureSuccessStatusCode();
        }

        Assert.That(analyzer.Signals.Select(s => s.RecentThreatsFromIp), Is.EqualTo(new[] { 0, 0, 1, 2, 2, 3 }));
    }
}
