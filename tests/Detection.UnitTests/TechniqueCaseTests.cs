using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>
/// The project's own labelled technique cases (Detection/Data/techniques.jsonl), written from each family's
/// documented techniques for the families the development corpus does not cover, plus benign look-alikes.
/// </summary>
[TestFixture]
public sealed class TechniqueCaseTests
{
    private static readonly Lazy<DetectionRates> Rates = new(() => DetectionRates.Measure(AnalyzerFactory.Shared, TestCorpora.TechniqueCases));

    [Test]
    public void Technique_table_is_written_to_the_test_output()
    {
        var table = Rates.Value.ToMarkdownTable();
        TestContext.Out.WriteLine(table);
        Assert.That(table, Does.Contain("| log4shell |"));
    }

    public static IEnumerable<string> AttackLabels() => TestCorpora.TechniqueCases.Select(c => c.Label).Where(l => l != "benign").Distinct();

    [TestCaseSource(nameof(AttackLabels))]
    public void Family_technique_cases_are_detected_with_their_type(string label)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rates.Value.DetectionRate(label), Is.GreaterThanOrEqualTo(0.9), $"{label} detection");
            Assert.That(Rates.Value.TypeAccuracy(label), Is.GreaterThanOrEqualTo(0.9), $"{label} type accuracy");
        });
    }

    [Test]
    public void Benign_look_alikes_stay_benign()
    {
        var flagged = TestCorpora.TechniqueCases.Where(c => c.Label == "benign")
            .Select(c => (c.Input, Analysis: AnalyzerFactory.Shared.Analyze(c.Input)))
            .Where(x => x.Analysis.IsThreat)
            .Select(x => $"{x.Input} -> {x.Analysis.Category} {x.Analysis.Confidence}")
            .ToList();
        Assert.That(flagged, Is.Empty);
    }

    [Test]
    public void No_attack_family_scores_zero()
    {
        var all = TestCorpora.DevCorpus.Concat(TestCorpora.TechniqueCases).Where(c => c.Label != "benign").ToList();
        var detectedFamilies = all.Select(c => AnalyzerFactory.Shared.Analyze(c.Input)).Where(a => a.IsThreat).Select(a => a.Category).ToHashSet();
        Assert.That(ThreatCategory.All.Except(detectedFamilies), Is.Empty, "families never reported as the winning type");
    }
}
