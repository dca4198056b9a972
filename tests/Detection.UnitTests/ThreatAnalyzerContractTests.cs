using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class ThreatAnalyzerContractTests
{
    [Test]
    public void Analyzer_is_constructed_from_a_policy_as_the_composition_root_does()
    {
        IThreatAnalyzer analyzer = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()));
        Assert.That(analyzer.Analyze("<script>x</script>").IsThreat, Is.True);
    }

    [Test]
    public void Null_input_is_rejected() =>
        Assert.That(() => AnalyzerFactory.Shared.Analyze(null!), Throws.ArgumentNullException);

    [Test]
    public void Empty_input_is_benign() => Assert.That(AnalyzerFactory.Shared.Analyze(string.Empty).IsThreat, Is.False);

    [Test]
    public void One_instance_gives_the_same_answers_from_many_threads()
    {
        var inputs = TestCorpora.DevCorpus.Where((_, i) => i % 7 == 0).Select(c => c.Input).ToArray();
        var expected = inputs.Select(i => AnalyzerFactory.Create().Analyze(i)).Select(a => (a.IsThreat, a.Category, a.Confidence)).ToArray();
        var shared = AnalyzerFactory.Create();
        var actual = new (bool, string, double)[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var a = shared.Analyze(inputs[i]);
            actual[i] = (a.IsThreat, a.Category, a.Confidence);
        });
        Assert.That(actual, Is.EqualTo(expected));
    }
}
