using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests;

/// <summary>POST /api/v2/analyze/batch: order, per-item errors, one durable write of exactly the attacks.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AnalyzeBatchTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private static readonly string[] Attacks = ["name' or 'b'='b", "<svg/onload=confirm(9)>", "report.pdf; cat /etc/shadow", "../../../../etc/hosts.deny"];
    private static readonly string[] Benign = ["Order 1234 ships on Friday", "see you at 10:30", "Müller & Söhne GmbH", "thanks for the quick reply!"];

    private HttpClient _user = null!;

    // The assertions read the rows straight after the answer, so a commit that a loaded test machine makes slower than
    // the writer's default 1 s must not be diverted to the spool (which is acknowledged, but not yet in the table).
    protected override ApiFactory CreateFactory() => new() { Provider = Provider, Settings = { ["Persistence:CommitTimeoutMilliseconds"] = "15000" } };

    [OneTimeSetUp]
    public async Task SignIn() => _user = await Factory.CreateUserClientAsync();

    [OneTimeTearDown]
    public void SignOut() => _user.Dispose();

    private async Task<JsonArray> BatchAsync(object body)
    {
        var response = await _user.PostAsJsonAsync("/api/v2/analyze/batch", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!["results"]!.AsArray();
    }

    [Test]
    public async Task A_batch_of_a_thousand_returns_a_thousand_results_in_order_and_stores_exactly_the_attacks()
    {
        // Every fifth item an attack, each attack with a unique tail so its stored threat can be told apart.
        var items = Enumerable.Range(0, 1000).Select(i => new
        {
            id = $"item-{i}",
            input = i % 5 == 0 ? $"{Attacks[i / 5 % Attacks.Length]} {i}" : $"{Benign[i % Benign.Length]} {i}",
        }).ToArray();
        var threatsBefore = await Factory.QueryAsync(db => db.Threats.CountAsync());

        var results = await BatchAsync(new { items });

        var attackIds = Enumerable.Range(0, 1000).Where(i => i % 5 == 0).Select(i => $"item-{i}").ToArray();
        var threatIds = results.Where(r => r!["threat_id"] is not null).Select(r => Guid.Parse(r!["threat_id"]!.GetValue<string>())).ToArray();
        var stored = await Factory.QueryAsync(db => db.Threats.CountAsync(t => threatIds.Contains(t.Id)));
        var threatsAfter = await Factory.QueryAsync(db => db.Threats.CountAsync());
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(items.Select(i => i.id)), "in the order sent");
            Assert.That(results.Where(r => r!["analysis"]!["threat"]!.GetValue<bool>()).Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(attackIds));
            Assert.That(threatIds, Has.Length.EqualTo(200));
            Assert.That(stored, Is.EqualTo(200), "every reported threat is stored");
            Assert.That(threatsAfter - threatsBefore, Is.EqualTo(200), "and nothing else");
        });
    }

    [Test]
    public async Task An_invalid_item_gets_its_own_error_and_the_others_are_still_analysed()
    {
        var results = await BatchAsync(new
        {
            items = new object[]
            {
                new { id = "a", input = Attacks[0] },
                new { id = "empty", input = "" },
                new { id = "long", input = new string('x', 10_001) },
                new { id = "b", input = Benign[0] },
            },
        });
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(4));
            Assert.That(results[0]!["analysis"]!["threat"]!.GetValue<bool>(), Is.True);
            Assert.That(results[1]!["error"]!["code"]!.GetValue<string>(), Is.EqualTo("invalid_input"));
            Assert.That(results[1]!.AsObject().ContainsKey("analysis"), Is.False);
            Assert.That(results[2]!["error"]!["detail"]!.GetValue<string>(), Does.Contain("at most 10000"));
            Assert.That(results[3]!["analysis"]!["threat"]!.GetValue<bool>(), Is.False);
        });
    }

    [TestCase(0)]
    [TestCase(1001)]
    public async Task No_items_or_more_than_a_thousand_is_a_400(int count)
    {
        var items = Enumerable.Range(0, count).Select(i => new { id = $"{i}", input = "hello" }).ToArray();
        var response = await _user.PostAsJsonAsync("/api/v2/analyze/batch", new { items });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("items"));
    }
}

/// <summary>With rate limiting on, a batch costs one permit per item from the caller's bucket.</summary>
[TestFixture]
public sealed class AnalyzeBatchRateLimitTests
{
    private ApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task Start() => _factory = await new ApiFactory
    {
        Settings = { ["RateLimiting:Enabled"] = "true", ["RateLimiting:Burst"] = "10", ["RateLimiting:PermitsPerMinute"] = "1" },
    }.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    [Test]
    public async Task A_batch_takes_one_permit_per_item_and_one_the_bucket_cannot_hold_is_a_429_with_retry_after()
    {
        using var user = await _factory.CreateUserClientAsync();
        static object Items(int n) => new { items = Enumerable.Range(0, n).Select(i => new { id = $"{i}", input = "hello there" }).ToArray() };

        var first = await user.PostAsJsonAsync("/api/v2/analyze/batch", Items(6));
        var second = await user.PostAsJsonAsync("/api/v2/analyze/batch", Items(6));
        var tooBig = await user.PostAsJsonAsync("/api/v2/analyze/batch", Items(11));
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), "six of ten permits");
            Assert.That(second.StatusCode, Is.EqualTo((HttpStatusCode)429), "six more do not fit in the four left");
            Assert.That(second.Headers.RetryAfter, Is.Not.Null);
            Assert.That(second.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(tooBig.StatusCode, Is.EqualTo((HttpStatusCode)429));
        });
    }

    [Test]
    public async Task A_machine_client_sends_a_thousand_items_in_one_batch_under_its_own_quota()
    {
        using var admin = await _factory.CreateAdminClientAsync();
        using var gateway = await _factory.CreateMachineClientAsync(admin, "analyze");
        var items = Enumerable.Range(0, 1000).Select(i => new { id = $"{i}", input = "hello there" }).ToArray();

        var response = await gateway.PostAsJsonAsync("/api/v2/analyze/batch", new { items });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
