using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>Shared assertions for the per-family technique tests.</summary>
public static class DetectionAssertions
{
    public static ThreatAnalysis AssertDetectedAs(string input, string category)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.IsThreat, Is.True, $"not flagged: {input}");
            Assert.That(analysis.Category, Is.EqualTo(category), $"wrong type for: {input} ({string.Join(", ", analysis.PatternsMatched)})");
        });
        return analysis;
    }

    public static void AssertBenign(string input)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.IsThreat, Is.False, $"flagged as {analysis.Category} ({string.Join(", ", analysis.PatternsMatched)}): {input}");
    }
}
