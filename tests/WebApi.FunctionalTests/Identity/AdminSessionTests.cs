using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AdminSessionTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    /// <summary>Signs in with a chosen user agent, so the session list has something of its own to show.</summary>
    private async Task<TestAccounts.Tokens> LoginFrom(TestAccounts.Account account, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { username = account.Username, password = account.Password }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        var response = await Anonymous.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return new TestAccounts.Tokens(body["access_token"]!.GetValue<string>(), body["refresh_token"]!.GetValue<string>());
    }

    private async Task<JsonNode> Sessions(string query = "")
    {
        var response = await Admin.GetAsync("/api/v1/sessions" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    private static string[] Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();

    private static string SessionOf(TestAccounts.Tokens tokens) => HandMadeJwt.PayloadOf(tokens.AccessToken)["sid"]!.GetValue<string>();

    private async Task<HttpStatusCode> MeWith(string accessToken)
    {
        using var client = Factory.CreateClientWithToken(accessToken);
        return (await client.GetAsync("/api/v1/auth/me")).StatusCode;
    }

    private async Task<HttpStatusCode> RefreshWith(string refreshToken) =>
        (await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken })).StatusCode;

    [Test]
    public async Task Admin_lists_the_active_sessions_of_two_users_with_owner_origin_and_times()
    {
        var alice = await Factory.CreateAccountAsync();
        var bob = await Factory.CreateAccountAsync();
        var aliceTokens = await LoginFrom(alice, "AliceBrowser/7.1 (test)");
        var bobFirst = await LoginFrom(bob, "BobPhone/2.0");
        var bobSecond = await LoginFrom(bob, "BobDesk/3.4");
        using (var bobClient = Factory.CreateClientWithToken(bobFirst.AccessToken))
        {
            Assert.That((await bobClient.PostAsync("/api/v1/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var all = await Sessions("?page_size=200");
        var aliceOnly = await Sessions($"?user={alice.Username.ToUpperInvariant()}");
        var bobOnly = await Sessions($"?user={bob.Id}");

        Assert.That(Ids(all), Is.SupersetOf(new[] { SessionOf(aliceTokens), SessionOf(bobSecond) }));
        Assert.That(Ids(all), Has.No.Member(SessionOf(bobFirst)), "a logged-out session is not active");
        var aliceRow = aliceOnly["items"]!.AsArray().Single()!;
        Assert.That(aliceRow["id"]!.GetValue<string>(), Is.EqualTo(SessionOf(aliceTokens)));
        Assert.That(aliceRow["user_id"]!.GetValue<string>(), Is.EqualTo(alice.Id));
        Assert.That(aliceRow["username"]!.GetValue<string>(), Is.EqualTo(alice.Username));
        Assert.That(aliceRow["user_agent"]!.GetValue<string>(), Is.EqualTo("AliceBrowser/7.1 (test)"));
        Assert.That(aliceRow["ip_address"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(aliceRow["current"]!.GetValue<bool>(), Is.False);
        var created = DateTime.Parse(aliceRow["created_at"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        var expires = DateTime.Parse(aliceRow["expires_at"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.That(expires, Is.GreaterThan(created.AddDays(1)));
        Assert.That(aliceRow["last_used_at"], Is.Not.Null);
        Assert.That(Ids(bobOnly), Is.EqualTo(new[] { SessionOf(bobSecond) }));
        Assert.That(aliceOnly["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(all.ToJsonString(), Does.Not.Contain("refresh"));
        var current = all["items"]!.AsArray().Where(i => i!["current"]!.GetValue<bool>()).ToList();
        Assert.That(current, Has.Count.EqualTo(1), "exactly the caller's own session is marked");
        Assert.That(current[0]!["username"]!.GetValue<string>(), Is.EqualTo(Factory.AdminUsername));
    }

    [Test]
    public async Task Sessions_come_newest_first_in_keyset_pages_and_an_altered_cursor_is_400()
    {
        var carol = await Factory.CreateAccountAsync();
        var started = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            started.Add(SessionOf(await LoginFrom(carol, $"CarolDevice/{i}")));
        }

        var first = await Sessions($"?user={carol.Username}&page_size=2");
        var cursor = first["next_cursor"]!.GetValue<string>();
        var second = await Sessions($"?user={carol.Username}&page_size=2&cursor={cursor}");
        var altered = await Admin.GetAsync($"/api/v1/sessions?user={carol.Username}&page_size=2&cursor={cursor[..^2]}AA");
        var tooLarge = await Admin.GetAsync("/api/v1/sessions?page_size=201");

        Assert.That(Ids(first).Concat(Ids(second)), Is.EqualTo(Enumerable.Reverse(started)));
        Assert.That(second["next_cursor"], Is.Null);
        Assert.That(first["total"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(altered.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await altered.Content.ReadAsStringAsync(), Does.Contain("cursor"));
        Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await tooLarge.Content.ReadAsStringAsync(), Does.Contain("page_size"));
    }

    [TestCase("user")]
    [TestCase("analyst")]
    public async Task Plain_users_and_analysts_may_neither_list_nor_end_sessions(string role)
    {
        var victim = await Factory.CreateAccountAsync();
        var victimTokens = await LoginFrom(victim, "Victim/1.0");
        using var client = await Factory.CreateUserClientAsync(role);

        var list = await client.GetAsync("/api/v1/sessions");
        var end = await client.DeleteAsync($"/api/v1/sessions/{SessionOf(victimTokens)}");

        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(end.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await MeWith(victimTokens.AccessToken), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Admin_ends_another_users_session_and_its_access_and_refresh_tokens_are_refused_and_audited()
    {
        var dave = await Factory.CreateAccountAsync();
        var ended = await LoginFrom(dave, "DaveLaptop/5.0");
        var kept = await LoginFrom(dave, "DaveTablet/1.2");
        Assert.That(await MeWith(ended.AccessToken), Is.EqualTo(HttpStatusCode.OK));
        var adminId = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/auth/me"))!["id"]!.GetValue<string>();

        var response = await Admin.DeleteAsync($"/api/v1/sessions/{SessionOf(ended)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await MeWith(ended.AccessToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await RefreshWith(ended.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await MeWith(kept.AccessToken), Is.EqualTo(HttpStatusCode.OK), "only the chosen session ends");
        Assert.That(Ids(await Sessions($"?user={dave.Id}")), Is.EqualTo(new[] { SessionOf(kept) }));
        var audit = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/audit?event_type=SESSION_ENDED_BY_ADMIN"))!["items"]!.AsArray();
        var entry = audit.Single(a => a!["details"]!.GetValue<string>().Contains(SessionOf(ended), StringComparison.Ordinal))!;
        Assert.That(entry["actor"]!.GetValue<string>(), Is.EqualTo(adminId));
        Assert.That(entry["details"]!.GetValue<string>(), Does.Contain($"user={dave.Id}"));
        Assert.That(entry["outcome"]!.GetValue<string>(), Is.EqualTo("Success"));
    }

    [Test]
    public async Task A_refresh_racing_the_admin_never_keeps_an_ended_sign_in_alive()
    {
        var frank = await Factory.CreateAccountAsync();
        for (var round = 0; round < 8; round++)
        {
            var tokens = await LoginFrom(frank, $"FrankRace/{round}");
            var end = Admin.DeleteAsync($"/api/v1/sessions/{SessionOf(tokens)}");
            var refresh = Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = tokens.RefreshToken });
            await Task.WhenAll(end, refresh);

            var ended = (await end).StatusCode;
            var refreshed = await refresh;
            Assert.That(ended, Is.AnyOf(HttpStatusCode.NoContent, HttpStatusCode.NotFound), $"round {round}");
            Assert.That(refreshed.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.Unauthorized), $"round {round}");
            if (ended == HttpStatusCode.NoContent && refreshed.StatusCode == HttpStatusCode.OK)
            {
                // The refresh rotated first: the successor it issued is the same sign-in, so it must be dead too.
                var successor = JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!;
                Assert.That(await MeWith(successor["access_token"]!.GetValue<string>()), Is.EqualTo(HttpStatusCode.Unauthorized), $"round {round}");
                Assert.That(await RefreshWith(successor["refresh_token"]!.GetValue<string>()), Is.EqualTo(HttpStatusCode.Unauthorized), $"round {round}");
            }
        }
    }

    [Test]
    public async Task Ending_an_unknown_or_already_ended_session_is_a_404_problem()
    {
        var erin = await Factory.CreateAccountAsync();
        var tokens = await LoginFrom(erin, "Erin/0.9");
        Assert.That((await Admin.DeleteAsync($"/api/v1/sessions/{SessionOf(tokens)}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var unknown = await Admin.DeleteAsync($"/api/v1/sessions/{Guid.NewGuid()}");
        var again = await Admin.DeleteAsync($"/api/v1/sessions/{SessionOf(tokens)}");

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["status"]!.GetValue<int>(), Is.EqualTo(404));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_admin_ending_their_own_current_session_is_logged_out()
    {
        var admin = await Factory.LoginAsync(Factory.AdminUsername, Factory.AdminPassword);
        using var client = Factory.CreateClientWithToken(admin.AccessToken);
        var own = SessionOf(admin);

        var response = await client.DeleteAsync($"/api/v1/sessions/{own}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await RefreshWith(admin.RefreshToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        var logouts = await Admin.GetStringAsync("/api/v1/audit?event_type=LOGOUT");
        Assert.That(logouts, Does.Contain($"session={own}"));
    }

    [Test]
    public async Task The_v1_document_describes_both_endpoints_with_their_errors()
    {
        var paths = JsonNode.Parse(await Anonymous.GetStringAsync("/swagger/v1/swagger.json"))!["paths"]!;

        var list = paths["/api/v1/sessions"]!["get"]!;
        var end = paths["/api/v1/sessions/{id}"]!["delete"]!;

        Assert.That(list["summary"]!.GetValue<string>(), Does.Contain("Active sessions of all users"));
        Assert.That(list["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()), Is.EquivalentTo(new[] { "user", "page_size", "cursor" }));
        Assert.That(list["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "400", "403" }));
        Assert.That(end["summary"]!.GetValue<string>(), Does.Contain("End a session at once"));
        Assert.That(end["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "204", "403", "404" }));
    }
}
