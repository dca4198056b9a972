using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>Per-rule assertions: the named rule fires (and the input is a threat of its family), or the look-alike stays benign.</summary>
internal static class RuleAssertions
{
    public static void AssertFires(string input, string ruleId, string family)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.PatternsMatched, Does.Contain(ruleId), $"{ruleId} did not fire on: {input} ({string.Join(", ", analysis.PatternsMatched)})");
            Assert.That(analysis.Category, Is.EqualTo(family), $"wrong family for: {input}");
        });
    }

    /// <summary>The rule fires and the input is a threat; the winning family may be a neighbour (PHP backticks are also shell).</summary>
    public static void AssertFiresInThreat(string input, string ruleId)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.PatternsMatched, Does.Contain(ruleId), $"{ruleId} did not fire on: {input}");
        Assert.That(analysis.IsThreat, Is.True, $"not flagged: {input}");
    }

    /// <summary>A rule that only corroborates: it fires, but alone it does not make a threat.</summary>
    public static void AssertFiresWeakly(string input, string ruleId)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.PatternsMatched, Does.Contain(ruleId), $"{ruleId} did not fire on: {input}");
            Assert.That(analysis.IsThreat, Is.False, $"flagged as {analysis.Category}: {input}");
        });
    }

    public static void AssertBenign(string input, string ruleId)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.IsThreat, Is.False, $"{ruleId} look-alike flagged as {analysis.Category} ({string.Join(", ", analysis.PatternsMatched)}): {input}");
    }
}
