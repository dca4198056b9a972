using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Feedback;

/// <summary>Analysts' verdicts over HTTP: they move rule weights within bounds, the engine uses them, admins undo them.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ThreatFeedbackTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    // Own inputs, one family each, so the tests do not tune each other's rules.
    private const string EndTag = "</SCRIPT >";
    private const string Tautology = "name' or 'b'='b";
    private const string Traversal = "../../../../../var/log/auth.log";
    private const string Command = "report.pdf; cat /etc/shadow";

    private HttpClient _analyst = null!;

    // Verdicts are given per stored threat; these tests analyse one input many times and judge each detection, so
    // repeats are not folded into one row here.
    protected override ApiFactory CreateFactory() => new() { Provider = Provider, Settings = { ["Persistence:AggregationWindowSeconds"] = "0" } };

    protected override bool SignInAdmin => true;

    [OneTimeSetUp]
    public async Task SignInAnalyst() => _analyst = await Factory.CreateUserClientAsync("analyst");

    [OneTimeTearDown]
    public void SignOutAnalyst() => _analyst.Dispose();

    [Test]
    public async Task False_positive_feedback_lowers_the_rules_weight_and_the_confidence_of_a_later_analysis_of_the_same_input()
    {
        var probe = await Factory.AnalyzeThreatAsync(_analyst, EndTag);
        Assert.That(probe.Patterns, Has.Length.EqualTo(1), "one rule decides this input's confidence");
        var rule = probe.Patterns[0];
        await Admin.ResetAsync([rule]);

        // Recent threats from the same caller raise confidence up to a cap; reach it first, so only the weight moves.
        for (var i = 0; i < 3; i++)
        {
            await Factory.AnalyzeThreatAsync(_analyst, EndTag);
        }

        var first = await Factory.AnalyzeThreatAsync(_analyst, EndTag);
        var before = (await _analyst.RuleAsync(rule)).Weight();

        var feedback = await _analyst.SubmitAsync(first.ThreatId, "false_positive", "help page example");

        var after = await _analyst.RuleAsync(rule);
        var later = FeedbackClient.Confidence(await _analyst.AnalyzeAsync(EndTag));
        Assert.Multiple(() =>
        {
            Assert.That(feedback["verdict"]!.GetValue<string>(), Is.EqualTo("false_positive"));
            Assert.That(feedback["threat_id"]!.GetValue<string>(), Is.EqualTo(first.ThreatId.ToString()));
            Assert.That(after.Weight(), Is.LessThan(before));
            Assert.That(after["false_positives"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(after["true_positives"]!.GetValue<long>(), Is.EqualTo(0));
            Assert.That(after["last_change"]!["reason"]!.GetValue<string>(), Does.Contain("fp=1"));
            Assert.That(after["last_change"]!["weight"]!.GetValue<double>(), Is.EqualTo(after.Weight()));
            Assert.That(later, Is.LessThan(first.Confidence), "the same input, analysed again, is judged less sure");
        });
    }

    [Test]
    public async Task Repeated_false_positives_never_push_a_rule_below_its_floor()
    {
        var probe = await Factory.AnalyzeThreatAsync(_analyst, Tautology);
        await Admin.ResetAsync(probe.Patterns);
        var rule = RuleCatalogue.Default.Rules.Single(r => r.Id == probe.Patterns[0]);

        var weights = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var threat = await Factory.AnalyzeThreatAsync(_analyst, Tautology);
            await _analyst.SubmitAsync(threat.ThreatId, "false_positive");
            weights.Add((await _analyst.RuleAsync(rule.Id)).Weight());
        }

        Assert.Multiple(() =>
        {
            Assert.That(weights, Is.Ordered.Descending);
            Assert.That(weights, Has.All.GreaterThanOrEqualTo(rule.Floor));
            Assert.That(weights[^1], Is.EqualTo(rule.Floor), "forty false positives take it down to the floor, not past it");
        });
    }

    [Test]
    public async Task Reset_restores_the_base_weight_clears_the_counts_and_is_audited()
    {
        var threat = await Factory.AnalyzeThreatAsync(_analyst, Traversal);
        var rule = RuleCatalogue.Default.Rules.Single(r => r.Id == threat.Patterns[0]);
        await _analyst.SubmitAsync(threat.ThreatId, "false_positive");
        Assert.That((await _analyst.RuleAsync(rule.Id)).Weight(), Is.LessThan(rule.BaseWeight));

        await Admin.ResetAsync([rule.Id]);

        var after = await _analyst.RuleAsync(rule.Id);
        var audit = await Factory.QueryAsync(db => db.AuditEvents.Where(e => e.EventType == "RULE_WEIGHT_RESET" && e.Details!.Contains("rule=" + rule.Id + " ")).ToListAsync());
        var changed = await Factory.QueryAsync(db => db.AuditEvents.Where(e => e.EventType == "RULE_WEIGHT_CHANGED" && e.Details!.Contains("rule=" + rule.Id + " ")).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(after.Weight(), Is.EqualTo(rule.BaseWeight));
            Assert.That(after["false_positives"]!.GetValue<long>(), Is.EqualTo(0));
            Assert.That(after["true_positives"]!.GetValue<long>(), Is.EqualTo(0));
            Assert.That(after["last_change"]!["reason"]!.GetValue<string>(), Does.Contain("reset"));
            Assert.That(audit, Is.Not.Empty);
            Assert.That(audit[^1].Details, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"->{rule.BaseWeight:0.####} ")));
            Assert.That(changed, Is.Not.Empty, "the feedback change itself was audited, old -> new");
            Assert.That(changed[^1].Details, Does.Contain("->").And.Contain("fp=1"));
        });
    }

    [Test]
    public async Task A_second_verdict_from_the_same_analyst_replaces_the_first_and_moves_its_count()
    {
        var threat = await Factory.AnalyzeThreatAsync(_analyst, Command);
        await Admin.ResetAsync(threat.Patterns);
        var rule = threat.Patterns[0];

        await _analyst.SubmitAsync(threat.ThreatId, "false_positive", "first look");
        await _analyst.SubmitAsync(threat.ThreatId, "true_positive", "second look");
        await _analyst.SubmitAsync(threat.ThreatId, "true_positive", "restated");

        var list = JsonNode.Parse(await _analyst.GetStringAsync($"/api/v1/threats/{threat.ThreatId}/feedback"))!.AsArray();
        var counts = await _analyst.RuleAsync(rule);
        Assert.Multiple(() =>
        {
            Assert.That(list, Has.Count.EqualTo(1));
            Assert.That(list[0]!["verdict"]!.GetValue<string>(), Is.EqualTo("true_positive"));
            Assert.That(list[0]!["comment"]!.GetValue<string>(), Is.EqualTo("restated"));
            Assert.That(counts["true_positives"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(counts["false_positives"]!.GetValue<long>(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task A_reviewed_threat_shows_the_latest_verdict_in_its_detail_and_under_the_review_filter()
    {
        var threat = await Factory.AnalyzeThreatAsync(_analyst, "0 union all select login, secret from accounts--");
        var before = JsonNode.Parse(await _analyst.GetStringAsync($"/api/v1/threats/{threat.ThreatId}"))!;

        await _analyst.SubmitAsync(threat.ThreatId, "false_positive", "a report query, not an attack");

        var detail = JsonNode.Parse(await _analyst.GetStringAsync($"/api/v1/threats/{threat.ThreatId}"))!;
        var filtered = JsonNode.Parse(await _analyst.GetStringAsync("/api/v1/threats?review=false_positive&page_size=500"))!;
        var feedback = JsonNode.Parse(await _analyst.GetStringAsync($"/api/v1/threats/{threat.ThreatId}/feedback"))!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(before["review_state"]!.GetValue<string>(), Is.EqualTo("unreviewed"));
            Assert.That(detail["review_state"]!.GetValue<string>(), Is.EqualTo("false_positive"));
            Assert.That(detail["reviewed_at"], Is.Not.Null);
            Assert.That(filtered["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Has.Member(threat.ThreatId.ToString()));
            Assert.That(feedback.Single()!["comment"]!.GetValue<string>(), Is.EqualTo("a report query, not an attack"));
        });
    }

    [Test]
    public async Task Verdicts_from_many_analysts_at_once_are_all_counted()
    {
        var threat = await Factory.AnalyzeThreatAsync(_analyst, "<svg/onload=confirm(9)>");
        await Admin.ResetAsync(threat.Patterns);
        var analysts = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            analysts.Add(await Factory.CreateUserClientAsync("analyst"));
        }

        try
        {
            var responses = await Task.WhenAll(analysts.Select(a => a.FeedbackAsync(threat.ThreatId, "true_positive")));
            Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
            var rule = await _analyst.RuleAsync(threat.Patterns[0]);
            Assert.That(rule["true_positives"]!.GetValue<long>(), Is.EqualTo(6));
        }
        finally
        {
            analysts.ForEach(a => a.Dispose());
        }
    }

    [Test]
    public async Task A_comment_is_stored_with_control_characters_replaced_and_an_overlong_one_is_refused()
    {
        var threat = await Factory.AnalyzeThreatAsync(_analyst, "<iframe src=javascript:alert(3)>");
        var stored = await _analyst.SubmitAsync(threat.ThreatId, "true_positive", "line one\r\nFAKE AUDIT LINE");
        var tooLong = await _analyst.FeedbackAsync(threat.ThreatId, "true_positive", new string('c', 1001));
        Assert.Multiple(() =>
        {
            Assert.That(stored["comment"]!.GetValue<string>(), Does.Not.Contain("\n").And.Not.Contain("\r"));
            Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task Unknown_threats_are_404_and_unknown_verdicts_are_400()
    {
        var threat = await Factory.AnalyzeThreatAsync(_analyst, "<body onpageshow=alert(5)>");
        var unknownThreat = await _analyst.FeedbackAsync(Guid.CreateVersion7(), "false_positive");
        var unknownList = await _analyst.GetAsync($"/api/v1/threats/{Guid.CreateVersion7()}/feedback");
        var unknownVerdict = await _analyst.FeedbackAsync(threat.ThreatId, "maybe");
        var unknownRule = await Admin.PostAsync("/api/v1/detection/rules/no.such_rule/reset", null);
        Assert.Multiple(() =>
        {
            Assert.That(unknownThreat.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownThreat.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(unknownList.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownVerdict.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknownRule.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Users_may_not_give_feedback_and_only_admins_may_reset_a_rule()
    {
        var threat = await Factory.AnalyzeThreatAsync(_analyst, "<a href=javascript:alert(8)>x</a>");
        using var user = await Factory.CreateUserClientAsync("user");
        var ruleId = threat.Patterns[0];
        Assert.Multiple(async () =>
        {
            Assert.That((await user.FeedbackAsync(threat.ThreatId, "false_positive")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await user.GetAsync($"/api/v1/threats/{threat.ThreatId}/feedback")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await Anonymous.FeedbackAsync(threat.ThreatId, "false_positive")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await _analyst.PostAsync($"/api/v1/detection/rules/{ruleId}/reset", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }
}
