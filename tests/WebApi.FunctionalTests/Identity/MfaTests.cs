using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class MfaTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private static async Task<JsonNode> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Enrols and confirms an authenticator for a new user; returns the account, the secret and the recovery codes.</summary>
    private async Task<(TestAccounts.Account Account, string Secret, string[] RecoveryCodes)> UserWithMfa()
    {
        var account = await Factory.CreateAccountAsync();
        using var client = Factory.CreateClientWithToken((await Factory.LoginAsync(account.Username, account.Password)).AccessToken);
        var enrolment = await Json(await client.PostAsync("/api/v1/auth/mfa/enrol", null), HttpStatusCode.OK);
        var secret = enrolment["secret"]!.GetValue<string>();
        var codes = await Json(await client.PostAsJsonAsync("/api/v1/auth/mfa/confirm", new { code = Totp.Code(secret) }), HttpStatusCode.OK);
        return (account, secret, codes["codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray());
    }

    private async Task<string> MfaToken(TestAccounts.Account account)
    {
        var login = await Json(await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = account.Username, password = account.Password }), HttpStatusCode.OK);
        Assert.That(login["mfa_required"]!.GetValue<bool>(), Is.True);
        Assert.That(login["access_token"], Is.Null, "no access token before the second factor");
        return login["mfa_token"]!.GetValue<string>();
    }

    [Test]
    public async Task Enrolment_returns_an_otpauth_uri_and_stores_the_secret_only_encrypted()
    {
        var account = await Factory.CreateAccountAsync();
        using var client = Factory.CreateClientWithToken((await Factory.LoginAsync(account.Username, account.Password)).AccessToken);

        var enrolment = await Json(await client.PostAsync("/api/v1/auth/mfa/enrol", null), HttpStatusCode.OK);

        var secret = enrolment["secret"]!.GetValue<string>();
        Assert.That(enrolment["otpauth_uri"]!.GetValue<string>(), Does.StartWith("otpauth://totp/InfiniteSecurity%3A" + account.Username).And.Contain("secret=" + secret));
        var stored = await Factory.QueryAsync(db => db.Users.Where(u => u.UserName == account.Username).Select(u => u.ProtectedAuthenticatorKey).SingleAsync());
        Assert.That(stored, Is.Not.Null.And.Not.Contain(secret));
        var me = await Json(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.OK);
        Assert.That(me["mfa_enabled"]!.GetValue<bool>(), Is.False, "MFA is on only after confirmation");
    }

    [Test]
    public async Task Confirming_with_a_wrong_code_is_400_and_mfa_stays_off()
    {
        var account = await Factory.CreateAccountAsync();
        using var client = Factory.CreateClientWithToken((await Factory.LoginAsync(account.Username, account.Password)).AccessToken);
        var secret = (await Json(await client.PostAsync("/api/v1/auth/mfa/enrol", null), HttpStatusCode.OK))["secret"]!.GetValue<string>();
        var wrong = Totp.Code(secret) == "000000" ? "111111" : "000000";

        await Json(await client.PostAsJsonAsync("/api/v1/auth/mfa/confirm", new { code = wrong }), HttpStatusCode.BadRequest);

        Assert.That((await Json(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.OK))["mfa_enabled"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task With_mfa_the_password_alone_gives_no_token_and_the_authenticator_code_completes_the_login()
    {
        var (account, secret, _) = await UserWithMfa();
        var mfaToken = await MfaToken(account);

        using (var challengeAsBearer = Factory.CreateClientWithToken(mfaToken))
        {
            Assert.That((await challengeAsBearer.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var wrong = Totp.Code(secret) == "123456" ? "654321" : "123456";
        Assert.That((await Anonymous.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfa_token = mfaToken, code = wrong })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var tokens = await Json(await Anonymous.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfa_token = mfaToken, code = NextCode(secret) }), HttpStatusCode.OK);
        using var client = Factory.CreateClientWithToken(tokens["access_token"]!.GetValue<string>());
        var me = await Json(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.OK);
        Assert.That(me["mfa_enabled"]!.GetValue<bool>(), Is.True);
    }

    /// <summary>The code of the next 30-second step: valid now (Identity accepts two steps either side), yet not the code just used.</summary>
    private static string NextCode(string secret)
    {
        var next = Totp.Code(secret, DateTimeOffset.UtcNow.AddSeconds(30));
        return next != Totp.Code(secret) ? next : Totp.Code(secret, DateTimeOffset.UtcNow.AddSeconds(60));
    }

    [Test]
    public async Task An_authenticator_code_works_only_once()
    {
        var (account, secret, _) = await UserWithMfa();
        var code = NextCode(secret);

        var first = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfa_token = await MfaToken(account), code });
        var replay = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfa_token = await MfaToken(account), code });

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_recovery_code_works_once()
    {
        var (account, _, codes) = await UserWithMfa();
        Assert.That(codes, Has.Length.EqualTo(10));

        var first = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfa_token = await MfaToken(account), recovery_code = codes[0] });
        var again = await Anonymous.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfa_token = await MfaToken(account), recovery_code = codes[0] });

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var stored = await Factory.QueryAsync(db => db.Users.Where(u => u.UserName == account.Username).Select(u => u.RecoveryCodeHashes).SingleAsync());
        Assert.That(stored, Does.Not.Contain(codes[1]));
    }

    [Test]
    public async Task An_admin_can_reset_mfa_for_a_user_who_lost_the_authenticator()
    {
        var (account, _, _) = await UserWithMfa();
        using var admin = await Factory.CreateAdminClientAsync();

        var reset = await Json(await admin.PostAsync($"/api/v1/users/{account.Id}/mfa/reset", null), HttpStatusCode.OK);

        Assert.That(reset["mfa_enabled"]!.GetValue<bool>(), Is.False);
        var login = await Json(await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = account.Username, password = account.Password }), HttpStatusCode.OK);
        Assert.That(login["mfa_required"]!.GetValue<bool>(), Is.False);
        Assert.That(await admin.GetStringAsync("/api/v1/audit?event_type=MFA_RESET"), Does.Contain(account.Id));
    }

    [Test]
    public async Task Wrong_second_factor_codes_count_toward_the_lockout()
    {
        var (account, secret, _) = await UserWithMfa();
        var wrong = Totp.Code(secret) == "999999" ? "888888" : "999999";
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((int)(await Anonymous.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfa_token = await MfaToken(account), code = wrong })).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 401, 423 }));
        using var admin = await Factory.CreateAdminClientAsync();
        Assert.That(await admin.GetStringAsync("/api/v1/audit?event_type=MFA_CHALLENGE_FAILED"), Does.Contain(account.Username));
    }

    [Test]
    public async Task When_mfa_is_required_for_admins_an_admin_without_mfa_can_only_enrol()
    {
        await using var factory = new ApiFactory { Settings = { ["Auth:RequireMfaForAdmins"] = "true" } };
        factory.StartServer();
        using var anonymous = factory.CreateClient();
        var login = await Json(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = factory.AdminUsername, password = factory.AdminPassword }), HttpStatusCode.OK);
        Assert.That(login["restricted"]!.GetValue<string>(), Is.EqualTo("mfa_enrolment"));
        using var restricted = factory.CreateClientWithToken(login["access_token"]!.GetValue<string>());

        Assert.That((await restricted.GetAsync("/api/v1/users")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var secret = (await Json(await restricted.PostAsync("/api/v1/auth/mfa/enrol", null), HttpStatusCode.OK))["secret"]!.GetValue<string>();
        await Json(await restricted.PostAsJsonAsync("/api/v1/auth/mfa/confirm", new { code = Totp.Code(secret) }), HttpStatusCode.OK);

        var relogin = await Json(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = factory.AdminUsername, password = factory.AdminPassword }), HttpStatusCode.OK);
        var tokens = await Json(await anonymous.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfa_token = relogin["mfa_token"]!.GetValue<string>(), code = NextCode(secret) }), HttpStatusCode.OK);
        Assert.That(tokens["restricted"], Is.Null);
        using var admin = factory.CreateClientWithToken(tokens["access_token"]!.GetValue<string>());
        Assert.That((await admin.GetAsync("/api/v1/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
