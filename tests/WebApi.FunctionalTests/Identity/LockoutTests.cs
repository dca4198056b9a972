using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class LockoutTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private readonly ShiftableClock _clock = new();


    protected override ApiFactory CreateFactory() =>
        new ApiFactory { Provider = Provider, ConfigureServices = s => s.AddSingleton<TimeProvider>(_clock) }.TrustingForwardedFor();

    private Task<HttpResponseMessage> Login(string username, string password) =>
        Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username, password });

    private Task<HttpResponseMessage> LoginFrom(string address, string username, string password) => LoginFrom(Anonymous, address, username, password);

    private static Task<HttpResponseMessage> LoginFrom(HttpClient client, string address, string username, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { username, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }

    private static async Task<(int Status, string? RetryAfter, string Body)> Shape(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return ((int)response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture), body.ToJsonString());
    }

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_with_423_and_retry_after_and_the_right_password_stays_refused_until_unlock()
    {
        var account = await Factory.CreateAccountAsync();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await Login(account.Username, "wrong-password-" + i);
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)423 }));
        Assert.That(last.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(14 * 60, 15 * 60));

        var right = await Login(account.Username, account.Password);
        Assert.That((int)right.StatusCode, Is.EqualTo(423));
        Assert.That(right.Headers.RetryAfter, Is.Not.Null);

        using var admin = await Factory.CreateAdminClientAsync();
        var unlock = await admin.PostAsync($"/api/v1/users/{account.Id}/unlock", null);
        Assert.That(unlock.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Login(account.Username, account.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Concurrent_wrong_passwords_are_all_counted_and_none_fails_with_500()
    {
        var account = await Factory.CreateAccountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Login(account.Username, "parallel-guess-" + i)));

        Assert.That(responses.Select(r => (int)r.StatusCode), Has.All.AnyOf(401, 423));
        Assert.That((int)(await Login(account.Username, account.Password)).StatusCode, Is.EqualTo(423), "five failures must have locked the account, however they interleave");

        var unknown = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Login(unknown, "parallel-guess-" + i)));
        Assert.That((int)(await Login(unknown, "another-guess")).StatusCode, Is.EqualTo(423), "an unknown name locks the same way");
    }

    [Test]
    public async Task Lockout_ends_by_itself_after_fifteen_minutes()
    {
        var account = await Factory.CreateAccountAsync();
        for (var i = 0; i < 5; i++)
        {
            await Login(account.Username, "wrong-password");
        }

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.That((int)(await Login(account.Username, account.Password)).StatusCode, Is.EqualTo(423));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That((await Login(account.Username, account.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_successful_login_resets_the_failure_count()
    {
        var account = await Factory.CreateAccountAsync();
        for (var i = 0; i < 4; i++)
        {
            await Login(account.Username, "wrong-password");
        }

        Assert.That((await Login(account.Username, account.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        for (var i = 0; i < 4; i++)
        {
            Assert.That((await Login(account.Username, "wrong-password")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task An_unknown_username_gets_exactly_the_answers_a_wrong_password_gets()
    {
        var account = await Factory.CreateAccountAsync();
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8];

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var known = await Shape(await Login(account.Username, "wrong-password"));
            var missing = await Shape(await Login(unknown, "wrong-password"));

            Assert.That(missing.Status, Is.EqualTo(known.Status), $"attempt {attempt}");
            Assert.That(missing.Body.Replace(unknown, "NAME", StringComparison.Ordinal), Is.EqualTo(known.Body.Replace(account.Username, "NAME", StringComparison.Ordinal)), $"attempt {attempt}");
            Assert.That(missing.RetryAfter is null, Is.EqualTo(known.RetryAfter is null), $"attempt {attempt}");
            if (known.RetryAfter is not null)
            {
                Assert.That(Math.Abs(int.Parse(missing.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(known.RetryAfter, System.Globalization.CultureInfo.InvariantCulture)), Is.LessThanOrEqualTo(2));
            }
        }
    }

    [Test]
    public async Task Failed_and_blocked_logins_are_audited_without_the_password()
    {
        var account = await Factory.CreateAccountAsync();
        const string secretGuess = "my-secret-guess-123";
        for (var i = 0; i < 6; i++)
        {
            await Login(account.Username, secretGuess);
        }

        using var admin = await Factory.CreateAdminClientAsync();
        var failed = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/audit?event_type=LOGIN_FAILED&actor={account.Username}"))!;
        var blocked = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/audit?event_type=LOGIN_BLOCKED_LOCKED&actor={account.Username}"))!;
        var all = await admin.GetStringAsync("/api/v1/audit?page_size=200");

        Assert.That(failed["total"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(blocked["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(failed["items"]![0]!["ip_address"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(all, Does.Not.Contain(secretGuess));
        Assert.That(all, Does.Not.Contain(account.Password));
    }

    [Test]
    public async Task An_attacker_relocking_the_admin_every_fifteen_minutes_from_one_address_never_locks_out_the_owner_at_another()
    {
        for (var round = 0; round < 3; round++)
        {
            var statuses = new List<int>();
            for (var i = 0; i < 6; i++)
            {
                statuses.Add((int)(await LoginFrom("203.0.113.10", Factory.AdminUsername, "attacker-guess-" + i)).StatusCode);
            }

            Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 401, 423, 423 }), $"round {round}");
            var owner = await LoginFrom("198.51.100.20", Factory.AdminUsername, Factory.AdminPassword);
            Assert.That(owner.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"round {round}: {await owner.Content.ReadAsStringAsync()}");
            _clock.Advance(TimeSpan.FromMinutes(16));
        }
    }

    [Test]
    public async Task Failures_spread_over_many_addresses_slow_the_name_down_and_are_audited_but_the_owner_from_a_clean_address_signs_in()
    {
        var account = await Factory.CreateAccountAsync();
        for (var source = 1; source <= 5; source++)
        {
            for (var i = 0; i < 4; i++)
            {
                await LoginFrom($"203.0.113.{source}", account.Username, "spread-guess-" + i);
            }
        }

        var fresh = await LoginFrom("203.0.113.99", account.Username, "one-more-guess");
        var again = await LoginFrom("203.0.113.99", account.Username, "and-another");
        var owner = await LoginFrom("198.51.100.20", account.Username, account.Password);

        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "an address that has not failed still gets its answer");
        Assert.That((int)again.StatusCode, Is.EqualTo(429), "an address that failed while the name is over its ceiling must wait");
        Assert.That(again.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1));
        Assert.That(owner.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var admin = await Factory.CreateAdminClientAsync();
        var ceiling = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/audit?event_type=LOGIN_NAME_CEILING_REACHED&actor={account.Username}"))!;
        Assert.That(ceiling["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_name_locked_from_elsewhere_does_not_end_the_owners_refresh()
    {
        var account = await Factory.CreateAccountAsync();
        var tokens = await Factory.LoginAsync(account.Username, account.Password);
        for (var i = 0; i < 5; i++)
        {
            await LoginFrom("203.0.113.10", account.Username, "attacker-guess-" + i);
        }

        var refresh = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = tokens.RefreshToken });

        Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task X_forwarded_for_is_ignored_unless_the_proxy_is_configured()
    {
        await using var factory = await new ApiFactory { Provider = Provider }.StartAsync();
        var account = await factory.CreateAccountAsync();
        using var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await LoginFrom(client, "203.0.113." + i, account.Username, "wrong-password");
        }

        Assert.That((int)(await LoginFrom(client, "198.51.100.20", account.Username, account.Password)).StatusCode, Is.EqualTo(423));
    }

    [Test]
    public async Task Unknown_and_real_names_stay_locked_for_another_instance_on_the_same_database()
    {
        var account = await Factory.CreateAccountAsync();
        var unknown = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            await Login(account.Username, "wrong-password");
            await Login(unknown, "wrong-password");
        }

        await using var second = await new ApiFactory { Provider = Provider, SharedConnectionString = Factory.ConnectionString }.StartAsync();
        using var client = second.CreateClient();
        var real = await Shape(await client.PostAsJsonAsync("/api/v1/auth/login", new { username = account.Username, password = "wrong-password" }));
        var ghost = await Shape(await client.PostAsJsonAsync("/api/v1/auth/login", new { username = unknown, password = "wrong-password" }));

        Assert.That(real.Status, Is.EqualTo(423));
        Assert.That(ghost.Status, Is.EqualTo(423), "an unknown name's lockout must survive a restart like a real one's");
        Assert.That(ghost.RetryAfter is null, Is.EqualTo(real.RetryAfter is null));
    }
}
