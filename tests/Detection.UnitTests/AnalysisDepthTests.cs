namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class AnalysisDepthTests
{
    // Several families at once: a quote breakout, a markup tag and a shell chain in one value.
    private const string Mixed = "x' or 'q'='q <img src=n onerror=alert(2)> ; cat /etc/hosts";

    [Test]
    public void Standard_depth_is_the_plain_call() =>
        Assert.That(AnalyzerFactory.Create().Analyze(Mixed, AnalysisDepth.Standard, default).PatternsMatched,
            Is.EqualTo(AnalyzerFactory.Create().Analyze(Mixed).PatternsMatched));

    [Test]
    public void Basic_depth_stops_at_the_first_decisive_finding_and_still_calls_it_an_attack()
    {
        var basic = AnalyzerFactory.Create().Analyze(Mixed, AnalysisDepth.Basic, default);
        var standard = AnalyzerFactory.Create().Analyze(Mixed);
        Assert.Multiple(() =>
        {
            Assert.That(basic.IsThreat, Is.True);
            Assert.That(basic.Findings, Has.Count.LessThan(standard.Findings.Count));
            Assert.That(basic.Findings.Select(f => f.Category).Distinct().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Deep_depth_reports_at_least_every_finding_standard_does()
    {
        var deep = AnalyzerFactory.Create().Analyze(Mixed, AnalysisDepth.Deep, default);
        var standard = AnalyzerFactory.Create().Analyze(Mixed);
        Assert.That(deep.PatternsMatched, Is.SupersetOf(standard.PatternsMatched));
        Assert.That(deep.Findings, Has.Count.GreaterThanOrEqualTo(standard.Findings.Count));
    }

    [TestCase(AnalysisDepth.Basic)]
    [TestCase(AnalysisDepth.Deep)]
    public void Benign_input_is_benign_at_every_depth(AnalysisDepth depth) =>
        Assert.That(AnalyzerFactory.Create().Analyze("Order 1234 ships on Friday, thanks!", depth, default).IsThreat, Is.False);
}
