using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.DetectionAssertions;

namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class SqlInjectionDetectionTests
{
    [TestCase("x' OR 'a'='a")]
    [TestCase("x\" OR \"a\"=\"a")]
    [TestCase("42 OR 42=42")]
    [TestCase("5) OR (7=7")]
    [TestCase("abc` OR 3=3 -- ")]
    public void Tautology_is_detected_in_every_quote_context(string input) => AssertDetectedAs(input, ThreatCategory.SqlInjection);

    [TestCase("0 UNION ALL SELECT username, password FROM accounts")]
    [TestCase("x' UNION/**/SELECT NULL,NULL-- ")]
    [TestCase("x' uNiOn SeLeCt 1,2,3#")]
    public void Union_select_is_detected(string input) => AssertDetectedAs(input, ThreatCategory.SqlInjection);

    [TestCase("7; DROP TABLE orders")]
    [TestCase("x'; DELETE FROM sessions WHERE 1=1; -- ")]
    [TestCase("x'; EXEC xp_cmdshell 'dir'--")]
    public void Stacked_queries_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.SqlInjection);

    [TestCase("9 AND SLEEP(7)")]
    [TestCase("x'; WAITFOR DELAY '0:0:9'--")]
    [TestCase("x' AND EXTRACTVALUE(1, CONCAT(0x5c, VERSION()))-- ")]
    [TestCase("1 AND 8=(SELECT 8 FROM PG_SLEEP(4))")]
    public void Time_and_error_based_probes_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.SqlInjection);

    [TestCase("operator'-- ")]
    [TestCase("operator')#")]
    public void Comment_truncation_after_a_breakout_is_detected(string input) => AssertDetectedAs(input, ThreatCategory.SqlInjection);

    [Test]
    public void System_catalogue_access_is_detected() =>
        AssertDetectedAs("x' UNION SELECT table_name FROM information_schema.tables-- ", ThreatCategory.SqlInjection);

    [Test]
    public void Finding_names_the_view_and_span_it_matched()
    {
        var analysis = AssertDetectedAs("id=1%27%20OR%20%271%27%3D%271", ThreatCategory.SqlInjection);
        var finding = analysis.Findings[0];
        Assert.Multiple(() =>
        {
            Assert.That(finding.View, Does.StartWith("url"));
            Assert.That(finding.RuleId, Does.StartWith("sqli."));
            Assert.That(finding.Evidence.Length, Is.LessThanOrEqualTo(Finding.MaxEvidenceLength));
            Assert.That(finding.Reason, Is.Not.Empty);
        });
    }

    [TestCase("Tom O'Doherty <tom@example.org>")]
    [TestCase("Shell's \"select\" loop for Perl")]
    [TestCase("Select the option you like from the menu")]
    [TestCase("It's 5 o'clock and we're done")]
    [TestCase("Union Station or Penn Station, whichever is closer")]
    [TestCase("if (x > 0 && y < 10) { return x; }")]
    public void Prose_with_quotes_and_sql_words_stays_benign(string input) => AssertBenign(input);
}
