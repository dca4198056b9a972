using System.Globalization;
using System.Text;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>
/// Applies evasion mutations to the corpus attacks the engine detects in their original form and measures how
/// many stay detected. Each mutation is applied only to families for which it keeps the attack valid.
/// </summary>
[TestFixture]
public sealed class MutationRobustnessTests
{
    private static readonly Lazy<Dictionary<string, (int Total, int Detected)>> Results = new(Measure);

    [Test]
    public void Mutation_table_is_written_to_the_test_output()
    {
        var sb = new StringBuilder("| mutation | mutated attacks | still detected |\n|---|---:|---:|\n");
        foreach (var (name, (total, detected)) in Results.Value)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {total} | {(total == 0 ? 0 : (double)detected / total):P2} |"));
        }

        TestContext.Out.WriteLine(sb.ToString());
        Assert.That(Results.Value, Has.Count.EqualTo(AttackMutations.All.Count));
    }

    public static IEnumerable<TestCaseData> Floors()
    {
        yield return new TestCaseData("case swapping", 0.99);
        yield return new TestCaseData("inline comments", 0.99);
        yield return new TestCaseData("whitespace alternatives", 0.99);
        yield return new TestCaseData("double URL encoding", 0.99);
        yield return new TestCaseData("HTML character references", 0.99);
        yield return new TestCaseData("full-width Unicode", 0.99);
        yield return new TestCaseData("string concatenation", 0.99);
        yield return new TestCaseData("equivalent operators", 0.99);
    }

    [TestCaseSource(nameof(Floors))]
    public void Mutated_attacks_stay_detected(string mutation, double floor)
    {
        var (total, detected) = Results.Value[mutation];
        Assert.That(total, Is.GreaterThan(20), $"{mutation} applied to too few inputs to measure");
        Assert.That((double)detected / total, Is.GreaterThanOrEqualTo(floor), $"{mutation}: {detected}/{total}");
    }

    [Test]
    public void All_mutations_together_keep_detection_at_or_above_95_percent()
    {
        var total = Results.Value.Values.Sum(v => v.Total);
        var detected = Results.Value.Values.Sum(v => v.Detected);
        Assert.That((double)detected / total, Is.GreaterThanOrEqualTo(0.95));
    }

    private static Dictionary<string, (int Total, int Detected)> Measure()
    {
        var analyzer = AnalyzerFactory.Shared;
        var random = new Random(20_26_11_22);
        var originals = TestCorpora.DevCorpus.Where(c => c.Label != "benign" && analyzer.Analyze(c.Input).IsThreat).ToList();
        var results = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var mutation in AttackMutations.All)
        {
            var total = 0;
            var detected = 0;
            foreach (var attack in originals.Where(a => mutation.Families.Contains(a.Label)))
            {
                var mutated = mutation.Apply(attack.Input, random);
                if (mutated is null || mutated == attack.Input)
                {
                    continue;
                }

                total++;
                if (analyzer.Analyze(mutated).IsThreat)
                {
                    detected++;
                }
            }

            results[mutation.Name] = (total, detected);
        }

        return results;
    }
}
