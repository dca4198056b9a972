namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>Assertions on which catalogue rule ids an input matches.</summary>
public static class RuleAssertions
{
    public static void AssertRuleMatches(string input, string ruleId)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.PatternsMatched, Does.Contain(ruleId), $"{ruleId} did not match: {input} (matched {string.Join(", ", analysis.PatternsMatched)})");
    }

    public static void AssertRuleDoesNotMatch(string input, string ruleId)
    {
        var analysis = AnalyzerFactory.Shared.Analyze(input);
        Assert.That(analysis.PatternsMatched, Does.Not.Contain(ruleId), $"{ruleId} matched benign look-alike: {input}");
    }
}
