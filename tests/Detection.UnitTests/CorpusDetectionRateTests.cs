using System.Globalization;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>
/// Detection rates on the shared development corpus. Floors sit a little under the rates measured when the engine
/// was written (see docs/detection.md), so a regression fails CI while noise in unrelated changes does not.
/// The table goes to the test output; the same numbers are in docs/detection.md.
/// </summary>
[TestFixture]
public sealed class CorpusDetectionRateTests
{
    private static readonly Lazy<DetectionRates> Rates = new(() => DetectionRates.Measure(AnalyzerFactory.Shared, TestCorpora.DevCorpus));

    [Test]
    public void Per_category_table_is_written_to_the_test_output()
    {
        var table = Rates.Value.ToMarkdownTable();
        TestContext.Out.WriteLine("Development corpus (" + TestCorpora.DevCorpusPath() + "):");
        TestContext.Out.WriteLine(table);
        Assert.That(table, Does.Contain("| sql_injection |").And.Contain("| benign |"));
    }

    [Test]
    public void Sql_injection_detection_rate_meets_floor() => AssertRate("sql_injection", 0.965);

    [Test]
    public void Xss_detection_rate_meets_floor() => AssertRate("xss", 0.965);

    [Test]
    public void Command_injection_detection_rate_meets_floor() => AssertRate("command_injection", 0.97);

    [Test]
    public void Path_traversal_detection_rate_meets_floor() => AssertRate("path_traversal", 0.99);

    [Test]
    public void Ldap_injection_detection_rate_meets_floor() => AssertRate("ldap_injection", 0.97);

    [TestCase("open_redirect", 0.95)]
    [TestCase("ssti", 0.95)]
    [TestCase("xxe", 0.95)]
    [TestCase("crlf_injection", 0.93)]
    [TestCase("xpath_injection", 0.9)]
    public void Other_family_detection_rate_meets_floor(string label, double floor) => AssertRate(label, floor);

    [Test]
    public void False_positive_rate_on_benign_text_stays_under_ceiling()
    {
        var fpr = Rates.Value.DetectionRate("benign");
        Assert.That(Rates.Value.Count("benign"), Is.GreaterThan(10_000), "the benign part of the corpus did not load");
        Assert.That(fpr, Is.LessThanOrEqualTo(0.001), string.Create(CultureInfo.InvariantCulture, $"false-positive rate {fpr:P3}"));
    }

    [Test]
    public void Detected_attacks_are_reported_with_the_right_type()
    {
        Assert.That(Rates.Value.OverallTypeAccuracy(), Is.GreaterThanOrEqualTo(0.97));
    }

    private static void AssertRate(string label, double floor)
    {
        var rates = Rates.Value;
        Assert.That(rates.Count(label), Is.GreaterThan(0), $"no '{label}' inputs in the corpus");
        Assert.That(rates.DetectionRate(label), Is.GreaterThanOrEqualTo(floor), string.Create(CultureInfo.InvariantCulture, $"{label}: detected {rates.DetectionRate(label):P2} of {rates.Count(label)}"));
    }
}
