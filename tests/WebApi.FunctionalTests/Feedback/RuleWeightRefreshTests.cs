using System.Diagnostics;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Feedback;

/// <summary>Two instances on one database: feedback given on one re-weights the rule on the other within seconds.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class RuleWeightRefreshTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private ApiFactory _second = null!;
    private HttpClient _secondAdmin = null!;

    protected override bool SignInAdmin => true;

    protected override ApiFactory CreateFactory() => new() { Provider = Provider, Settings = { ["Detection:RuleWeights:RefreshSeconds"] = "0.5" } };

    [OneTimeSetUp]
    public async Task StartSecondInstance()
    {
        _second = await new ApiFactory
        {
            Provider = Provider,
            Settings =
            {
                ["ConnectionStrings:Default"] = Factory.ConnectionString,
                ["Jwt:SigningKey"] = Factory.Settings["Jwt:SigningKey"],
                ["Detection:RuleWeights:RefreshSeconds"] = "0.5",
            },
        }.StartAsync();

        // The same admin session works on both: one database, one signing key.
        _secondAdmin = _second.CreateClient();
        _secondAdmin.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
    }

    [OneTimeTearDown]
    public async Task StopSecondInstance()
    {
        _secondAdmin.Dispose();
        await _second.DisposeAsync();
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), what);
            await Task.Delay(100);
        }
    }

    [Test]
    public async Task Feedback_on_one_instance_changes_the_weight_on_the_other_within_seconds_and_so_does_a_reset()
    {
        var threat = await Factory.AnalyzeThreatAsync(Admin, "(|(uid=*))");
        var rule = threat.Patterns[0];
        var baseWeight = (await _secondAdmin.RuleAsync(rule))["base_weight"]!.GetValue<double>();
        // Recent threats from the same caller raise confidence up to a cap (per instance); reach it first.
        for (var i = 0; i < 3; i++)
        {
            await _secondAdmin.AnalyzeAsync("(|(uid=*))");
        }

        var secondBefore = FeedbackClient.Confidence(await _secondAdmin.AnalyzeAsync("(|(uid=*))"));

        await Admin.SubmitAsync(threat.ThreatId, "false_positive");
        var tuned = (await Admin.RuleAsync(rule)).Weight();
        Assert.That(tuned, Is.LessThan(baseWeight));

        await Until(async () => (await _secondAdmin.RuleAsync(rule)).Weight() == tuned, "the tuned weight is not in force on the other instance within 5 s");
        var secondAfter = FeedbackClient.Confidence(await _secondAdmin.AnalyzeAsync("(|(uid=*))"));
        Assert.That(secondAfter, Is.LessThan(secondBefore), "the other instance's engine uses the new weight, not only its rules endpoint");

        await Admin.ResetAsync([rule]);
        await Until(async () => (await _secondAdmin.RuleAsync(rule)).Weight() == baseWeight, "the reset is not in force on the other instance within 5 s");
    }
}
