namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>Per-rule assertions: the named rule is (or is not) among the findings of one analysis.</summary>
public static class RuleAssert
{
    public static void Fires(string input, string ruleId)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.Findings.Select(f => f.RuleId), Does.Contain(ruleId), $"{ruleId} did not fire on: {input}");
    }

    public static void DoesNotFire(string input, string ruleId)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.Findings.Select(f => f.RuleId), Does.Not.Contain(ruleId), $"{ruleId} fired on: {input}");
    }

    public static void Benign(string input)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.IsThreat, Is.False, $"flagged as {analysis.Category} ({string.Join(", ", analysis.PatternsMatched)}): {input}");
    }

    public static void Typed(string input, string category)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.IsThreat && analysis.Category == category, Is.True, $"expected {category}, got {(analysis.IsThreat ? analysis.Category : "none")} ({string.Join(", ", analysis.PatternsMatched)}): {input}");
    }
}
