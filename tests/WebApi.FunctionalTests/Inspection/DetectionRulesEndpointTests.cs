using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Inspection;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class DetectionRulesEndpointTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    private async Task<JsonArray> RulesAs(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/detection/rules");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!.AsArray();
    }

    [Test]
    public async Task Admin_reads_every_catalogue_rule_with_its_bounds_and_effective_weight()
    {
        var rules = await RulesAs(Admin);

        var catalogue = RuleCatalogue.Default.Rules;
        Assert.That(rules.Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(catalogue.Select(r => r.Id)));
        var first = rules[0]!.AsObject();
        var expected = catalogue[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "family", "base_weight", "floor", "ceiling", "effective_weight", "reason", "cwe", "capec", "true_positives", "false_positives", "last_change" }));
            Assert.That(first["family"]!.GetValue<string>(), Is.EqualTo(expected.Family));
            Assert.That(first["base_weight"]!.GetValue<double>(), Is.EqualTo(expected.BaseWeight));
            Assert.That(first["floor"]!.GetValue<double>(), Is.EqualTo(expected.Floor));
            Assert.That(first["ceiling"]!.GetValue<double>(), Is.EqualTo(expected.Ceiling));
            Assert.That(first["effective_weight"]!.GetValue<double>(), Is.EqualTo(expected.BaseWeight), "untuned: the base weight");
            Assert.That(first["reason"]!.GetValue<string>(), Is.EqualTo(expected.Reason));
            Assert.That(first["cwe"]!.GetValue<int>(), Is.EqualTo(expected.Cwe));
        });
    }

    [Test]
    public async Task Effective_weight_is_what_the_registered_weights_say_clamped_into_the_bounds()
    {
        var overrides = Factory.Services.GetRequiredService<RuleWeightOverrides>();
        Assert.That(Factory.Services.GetRequiredService<IRuleWeights>(), Is.SameAs(overrides), "the analyzer and the endpoint share one weights instance");
        var rule = RuleCatalogue.Default.Rules[0];
        try
        {
            overrides.Replace(new Dictionary<string, double> { [rule.Id] = 5.0 }, RuleCatalogue.Default);
            var tuned = (await RulesAs(Admin)).Single(r => r!["id"]!.GetValue<string>() == rule.Id)!;
            Assert.That(tuned["effective_weight"]!.GetValue<double>(), Is.EqualTo(rule.Ceiling));
            Assert.That(tuned["base_weight"]!.GetValue<double>(), Is.EqualTo(rule.BaseWeight));
        }
        finally
        {
            overrides.Replace(new Dictionary<string, double>(), RuleCatalogue.Default);
        }
    }

    [Test]
    public async Task Analysts_may_read_the_rules_users_and_machine_clients_may_not()
    {
        using var analyst = await Factory.CreateUserClientAsync("analyst");
        using var user = await Factory.CreateUserClientAsync("user");
        using var machine = await Factory.CreateMachineClientAsync(Admin, "analyze");

        Assert.That(await RulesAs(analyst), Is.Not.Empty);
        Assert.That((await user.GetAsync("/api/v1/detection/rules")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await machine.GetAsync("/api/v1/detection/rules")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Anonymous.GetAsync("/api/v1/detection/rules")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
