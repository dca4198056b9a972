using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class SessionTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private async Task<(HttpStatusCode Status, JsonNode? Body)> Refresh(string refreshToken)
    {
        var response = await Anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    private async Task<HttpStatusCode> MeWith(string accessToken)
    {
        using var client = Factory.CreateClientWithToken(accessToken);
        return (await client.GetAsync("/api/v1/auth/me")).StatusCode;
    }

    [Test]
    public async Task Login_returns_a_30_minute_bearer_token_with_the_expected_claims_and_an_opaque_refresh_token()
    {
        var account = await Factory.CreateAccountAsync();
        var response = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = account.Username, password = account.Password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(body["token_type"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        Assert.That(body["expires_in"]!.GetValue<int>(), Is.InRange(1790, 1800));
        var claims = HandMadeJwt.PayloadOf(body["access_token"]!.GetValue<string>());
        Assert.That(claims.Select(c => c.Key), Is.SupersetOf(new[] { "iss", "aud", "exp", "nbf", "jti", "sid", "sub", "role" }));
        Assert.That(claims["exp"]!.GetValue<long>() - claims["nbf"]!.GetValue<long>(), Is.EqualTo(1800));
        var refresh = body["refresh_token"]!.GetValue<string>();
        Assert.That(Convert.FromBase64String(refresh.Replace('-', '+').Replace('_', '/') + "="), Has.Length.EqualTo(32));
        var stored = await Factory.QueryAsync(db => db.Sessions.Select(s => s.RefreshTokenHash).ToListAsync());
        Assert.That(stored, Has.None.EqualTo(refresh));
    }

    [Test]
    public async Task Refresh_rotates_and_a_reused_refresh_token_revokes_the_whole_family()
    {
        var account = await Factory.CreateAccountAsync();
        var first = await Factory.LoginAsync(account.Username, account.Password);

        var rotated = await Refresh(first.RefreshToken);
        Assert.That(rotated.Status, Is.EqualTo(HttpStatusCode.OK));
        var second = rotated.Body!["refresh_token"]!.GetValue<string>();
        var secondAccess = rotated.Body!["access_token"]!.GetValue<string>();
        Assert.That(second, Is.Not.EqualTo(first.RefreshToken));
        Assert.That(await MeWith(secondAccess), Is.EqualTo(HttpStatusCode.OK));

        var reuse = await Refresh(first.RefreshToken);

        Assert.That(reuse.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Refresh(second)).Status, Is.EqualTo(HttpStatusCode.Unauthorized), "the thief's or the client's newer token dies with the family");
        Assert.That(await MeWith(secondAccess), Is.EqualTo(HttpStatusCode.Unauthorized));
        using var admin = await Factory.CreateAdminClientAsync();
        var audit = JsonNode.Parse(await admin.GetStringAsync("/api/v1/audit?event_type=TOKEN_REUSE_DETECTED"))!;
        Assert.That(audit["items"]!.AsArray().Select(i => i!["details"]!.GetValue<string>()), Has.Some.Contains(account.Id));
    }

    [Test]
    public async Task Two_concurrent_refreshes_with_one_token_never_both_succeed()
    {
        var account = await Factory.CreateAccountAsync();
        var tokens = await Factory.LoginAsync(account.Username, account.Password);

        var results = await Task.WhenAll(Refresh(tokens.RefreshToken), Refresh(tokens.RefreshToken));

        Assert.That(results.Count(r => r.Status == HttpStatusCode.OK), Is.LessThanOrEqualTo(1));
        Assert.That(results.Select(r => r.Status), Has.None.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task Parallel_refreshes_of_one_token_give_exactly_one_200_and_401_for_the_rest()
    {
        var account = await Factory.CreateAccountAsync();
        var tokens = await Factory.LoginAsync(account.Username, account.Password);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Refresh(tokens.RefreshToken)));

        var statuses = results.Select(r => (int)r.Status).ToArray();
        Assert.That(statuses.Count(s => s == 200), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Where(s => s != 200), Has.All.EqualTo(401), string.Join(",", statuses));
    }

    [Test]
    public async Task Logout_kills_the_access_token_and_the_refresh_token()
    {
        var account = await Factory.CreateAccountAsync();
        var tokens = await Factory.LoginAsync(account.Username, account.Password);
        using var client = Factory.CreateClientWithToken(tokens.AccessToken);
        Assert.That((await client.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var logout = await client.PostAsync("/api/v1/auth/logout", null);

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Refresh(tokens.RefreshToken)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Users_see_and_end_only_their_own_sessions()
    {
        var alice = await Factory.CreateAccountAsync();
        var bob = await Factory.CreateAccountAsync();
        using var aliceClient = Factory.CreateClientWithToken((await Factory.LoginAsync(alice.Username, alice.Password)).AccessToken);
        using var bobClient = Factory.CreateClientWithToken((await Factory.LoginAsync(bob.Username, bob.Password)).AccessToken);
        var bobSessions = JsonNode.Parse(await bobClient.GetStringAsync("/api/v1/auth/sessions"))!.AsArray();
        var bobSessionId = bobSessions.Single()!["id"]!.GetValue<string>();

        var aliceSessions = JsonNode.Parse(await aliceClient.GetStringAsync("/api/v1/auth/sessions"))!.AsArray();
        var delete = await aliceClient.DeleteAsync($"/api/v1/auth/sessions/{bobSessionId}");

        Assert.That(aliceSessions.Select(s => s!["id"]!.GetValue<string>()), Has.No.Member(bobSessionId));
        Assert.That(aliceSessions.Single()!["current"]!.GetValue<bool>(), Is.True);
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await bobClient.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(aliceSessions.ToJsonString(), Does.Not.Contain("refresh"));
        var only = aliceSessions.Single()!;
        Assert.That(DateTime.Parse(only["last_used_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThan(DateTime.Parse(only["created_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)), "using the token marks the session as used");
    }

    [Test]
    public async Task Ending_ones_own_other_session_kills_its_access_token()
    {
        var account = await Factory.CreateAccountAsync();
        var laptop = await Factory.LoginAsync(account.Username, account.Password);
        var phone = await Factory.LoginAsync(account.Username, account.Password);
        using var laptopClient = Factory.CreateClientWithToken(laptop.AccessToken);
        var phoneSession = HandMadeJwt.PayloadOf(phone.AccessToken)["sid"]!.GetValue<string>();

        Assert.That((await laptopClient.DeleteAsync($"/api/v1/auth/sessions/{phoneSession}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await MeWith(phone.AccessToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await MeWith(laptop.AccessToken), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Users_see_only_their_own_threats_and_analysts_see_all()
    {
        using var alice = await Factory.CreateUserClientAsync();
        using var bob = await Factory.CreateUserClientAsync();
        using var analyst = await Factory.CreateUserClientAsync("analyst");
        var analysed = JsonNode.Parse(await (await alice.PostAsJsonAsync("/api/v2/analyze", new { input = "' OR 2=2 --" })).Content.ReadAsStringAsync())!;
        var threatId = analysed["threat_id"]!.GetValue<string>();

        Assert.That((await alice.GetAsync($"/api/v1/threats/{threatId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await bob.GetAsync($"/api/v1/threats/{threatId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await bob.GetStringAsync("/api/v1/threats"), Does.Not.Contain(threatId));
        Assert.That(await alice.GetStringAsync("/api/v1/threats"), Does.Contain(threatId));
        var seenByAnalyst = JsonNode.Parse(await analyst.GetStringAsync($"/api/v1/threats/{threatId}"))!;
        Assert.That(seenByAnalyst["action"]!.GetValue<string>(), Is.EqualTo(analysed["decision"]!["action"]!.GetValue<string>()));
        Assert.That(seenByAnalyst["severity"]!.GetValue<string>(), Is.EqualTo(analysed["analysis"]!["severity"]!.GetValue<string>()));
    }
}
