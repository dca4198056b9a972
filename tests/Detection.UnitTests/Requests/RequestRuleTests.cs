using InfiniteSecurity.Detection.Requests;
using InfiniteSecurity.Detection.Rules;
using static InfiniteSecurity.Detection.UnitTests.Requests.RawRequests;

namespace InfiniteSecurity.Detection.UnitTests.Requests;

/// <summary>Hand-written cases per position rule: rules that only fire because of where a value sits.</summary>
public sealed class RequestRuleTests
{
    private static readonly RequestInspector Inspector = new(AnalyzerFactory.Shared);

    private static IEnumerable<string> Rules(RequestVerdict v) => v.Findings.Select(f => f.Finding.RuleId);

    // A key alone ("$gt") is a plain word to the engine; only its position as a key makes it an operator.
    [TestCase("{\"age\":{\"$gt\":0}}", TestName = "nosql.operator_key positive: operator as a JSON key")]
    [TestCase("{\"q\":{\"$regex\":\"^a\"}}", TestName = "nosql.operator_key positive: $regex as a JSON key")]
    public void Operator_key(string body) =>
        Assert.That(Rules(Inspector.Inspect(Post("/api/find", "application/json", body))), Does.Contain("nosql.operator_key"));

    [TestCase("/search?user[name]=x&price=$5", TestName = "nosql.operator_key look-alike: bracketed key and a dollar in a value")]
    public void Operator_key_look_alike(string target) => Assert.That(Inspector.Inspect(Get(target)).Analysis.IsThreat, Is.False);

    [TestCase("{\"a\":{\"__proto__\":{\"role\":\"admin\"}}}", TestName = "proto.prototype_key positive: __proto__ as a JSON key")]
    public void Prototype_key(string body)
    {
        var v = Inspector.Inspect(Post("/api/settings", "application/json", body));
        Assert.That(v.Findings.Where(f => f.Location.StartsWith("body-key:", StringComparison.Ordinal)).Select(f => f.Finding.Category), Does.Contain(ThreatCategory.PrototypePollution));
    }

    [TestCase("{\"proto\":\"x\",\"prototype\":\"y\"}", TestName = "proto.prototype_key look-alike: keys named like it")]
    public void Prototype_key_look_alike(string body) => Assert.That(Inspector.Inspect(Post("/api/settings", "application/json", body)).Analysis.IsThreat, Is.False);

    [Test]
    public void Position_rules_are_in_the_catalogue_and_tuned_through_the_weights_seam()
    {
        Assert.That(RuleCatalogue.Default.TryGet("crlf.header_reachable_break", out _), Is.True);
        Assert.That(RuleCatalogue.Default.TryGet("nosql.operator_key", out var rule), Is.True);
        var weights = new RuleWeightOverrides();
        weights.Replace(new Dictionary<string, double> { [rule.Id] = rule.Floor }, RuleCatalogue.Default);
        var tuned = new RequestInspector(AnalyzerFactory.Shared, null, null, weights);

        var finding = tuned.Inspect(Post("/api/find", "application/json", "{\"age\":{\"$gt\":0}}")).Findings.Single(f => f.Finding.RuleId == rule.Id);

        Assert.That(finding.Finding.Confidence, Is.EqualTo(Math.Round(rule.Floor, 3)));
    }
}
