using InfiniteSecurity.Domain.Detection;

namespace InfiniteSecurity.Domain.UnitTests.Detection;

/// <summary>The analyzer as the composition root builds it: default policy, one shared instance.</summary>
public static class AnalyzerFactory
{
    public static ThreatAnalyzer Shared { get; } = Create();

    public static ThreatAnalyzer Create() => new(new DecisionPolicy(new DecisionPolicyOptions()));
}
