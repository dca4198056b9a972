using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>
/// Inputs built to trigger super-linear behaviour (quadratic rescans, deep nesting, decoding bombs) must be answered
/// promptly. The guard is a generous two seconds — a hang detector, not a speed assertion.
/// </summary>
[TestFixture]
public sealed class PathologicalInputTests
{
    public static IEnumerable<TestCaseData> Inputs()
    {
        yield return new TestCaseData(new string('\'', 10_000)).SetName("Ten_thousand_quotes_are_answered_promptly");
        yield return new TestCaseData(new string('<', 10_000)).SetName("Ten_thousand_angle_brackets_are_answered_promptly");
        yield return new TestCaseData(new string('(', 10_000)).SetName("Ten_thousand_parentheses_are_answered_promptly");
        yield return new TestCaseData("%" + string.Concat(Enumerable.Repeat("25", 4_999)) + "41").SetName("Deep_percent_25_nesting_is_answered_promptly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("${", 3_000)) + "jndi:ldap://x/" + new string('}', 3_000)).SetName("Deep_lookup_nesting_is_answered_promptly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("../", 3_333))).SetName("Long_dot_dot_runs_are_answered_promptly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("<a onclick=", 900))).SetName("Many_unclosed_tags_are_answered_promptly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("&#x26;", 1_600))).SetName("Nested_entity_amp_is_answered_promptly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat(";id|", 2_500))).SetName("Many_shell_operators_are_answered_promptly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("' or 1=1 ", 1_100))).SetName("Many_sql_clauses_are_answered_promptly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("{{", 5_000))).SetName("Many_template_openers_are_answered_promptly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("//a@", 2_500))).SetName("Many_url_authorities_are_answered_promptly");
    }

    [TestCaseSource(nameof(Inputs))]
    public void Pathological_input(string input)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var task = Task.Run(() => AnalyzerFactory.Shared.Analyze(input), cts.Token);
        var finished = task.Wait(TimeSpan.FromSeconds(2));
        Assert.That(finished, Is.True, $"analysis of a {input.Length}-character input did not finish within 2 s");
        Assert.That(task.Result.Confidence, Is.InRange(0.0, 1.0));
    }

    [TestCase("x' OR 'a'='a", "sql_injection")]
    [TestCase("<svg onload=confirm(1)>", "xss")]
    [TestCase(";cat /etc/shadow", "command_injection")]
    public void Attack_after_long_harmless_padding_is_still_found(string attack, string category)
    {
        var padding = string.Concat(Enumerable.Repeat("<b>plain (words) here</b> ", 300));
        var analysis = AnalyzerFactory.Shared.Analyze(padding + attack);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.IsThreat, Is.True);
            Assert.That(analysis.Category, Is.EqualTo(category));
        });
    }
}
