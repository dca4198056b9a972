using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>The analyzer as the composition root builds it: default policy, one shared instance.</summary>
public static class AnalyzerFactory
{
    public static ThreatAnalyzer Shared { get; } = Create();

    public static ThreatAnalyzer Create() => new(new DecisionPolicy(new DecisionPolicyOptions()));
}
