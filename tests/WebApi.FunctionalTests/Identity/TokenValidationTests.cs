using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

/// <summary>
/// Forged and broken tokens over real HTTP. Each forgery starts from the claims of a real, live session, and a
/// control test proves that the same claims correctly signed are accepted — so each 401 is caused by the one flaw.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class TokenValidationTests(DatabaseProvider provider)
{
    private ApiFactory _factory = null!;
    private byte[] _key = null!;
    private string _realToken = null!;
    private JsonObject _claims = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _factory = await new ApiFactory { Provider = provider }.StartAsync();
        _key = Encoding.UTF8.GetBytes(_factory.Settings["Jwt:SigningKey"]!);
        var account = await _factory.CreateAccountAsync();
        _realToken = (await _factory.LoginAsync(account.Username, account.Password)).AccessToken;
        _claims = HandMadeJwt.PayloadOf(_realToken);
    }

    [OneTimeTearDown]
    public async Task StopService() => await _factory.DisposeAsync();

    private async Task<HttpStatusCode> MeWith(string token)
    {
        using var client = _factory.CreateClientWithToken(token);
        return (await client.GetAsync("/api/v1/auth/me")).StatusCode;
    }

    private JsonObject Claims(Action<JsonObject>? change = null)
    {
        var claims = HandMadeJwt.Clone(_claims);
        var now = DateTimeOffset.UtcNow;
        claims["nbf"] = HandMadeJwt.UnixTime(now.AddMinutes(-1));
        claims["iat"] = HandMadeJwt.UnixTime(now.AddMinutes(-1));
        claims["exp"] = HandMadeJwt.UnixTime(now.AddMinutes(10));
        change?.Invoke(claims);
        return claims;
    }

    [Test]
    public async Task Control_the_same_claims_signed_with_the_right_key_and_algorithm_are_accepted()
    {
        Assert.That(await MeWith(_realToken), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await MeWith(HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), Claims(), _key)), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Token_with_alg_none_is_401() =>
        Assert.That(await MeWith(HandMadeJwt.Sign(HandMadeJwt.Header("none"), Claims(), null)), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Token_signed_with_another_key_is_401() =>
        Assert.That(await MeWith(HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), Claims(), Encoding.UTF8.GetBytes(new string('k', 64)))), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Token_signed_with_the_right_key_but_another_algorithm_is_401() =>
        Assert.That(await MeWith(HandMadeJwt.Sign(HandMadeJwt.Header("HS512"), Claims(), _key)), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Expired_token_is_401()
    {
        var token = HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), Claims(c =>
        {
            c["nbf"] = HandMadeJwt.UnixTime(DateTimeOffset.UtcNow.AddMinutes(-40));
            c["exp"] = HandMadeJwt.UnixTime(DateTimeOffset.UtcNow.AddMinutes(-5));
        }), _key);

        Assert.That(await MeWith(token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_refused_token_is_not_told_why()
    {
        var token = HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), Claims(c => c["exp"] = HandMadeJwt.UnixTime(DateTimeOffset.UtcNow.AddMinutes(-5))), _key);
        using var client = _factory.CreateClientWithToken(token);

        var response = await client.GetAsync("/api/v1/auth/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("expired").IgnoreCase);
    }

    [Test]
    public async Task Token_not_yet_valid_is_401()
    {
        var token = HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), Claims(c =>
        {
            c["nbf"] = HandMadeJwt.UnixTime(DateTimeOffset.UtcNow.AddMinutes(5));
            c["exp"] = HandMadeJwt.UnixTime(DateTimeOffset.UtcNow.AddMinutes(35));
        }), _key);

        Assert.That(await MeWith(token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Token_for_another_audience_is_401() =>
        Assert.That(await MeWith(HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), Claims(c => c["aud"] = "some-other-api"), _key)), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Mfa_challenge_token_is_not_an_access_token() =>
        Assert.That(await MeWith(HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), Claims(c => c["aud"] = "infinitesecurity-api:mfa"), _key)), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Token_from_another_issuer_is_401() =>
        Assert.That(await MeWith(HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), Claims(c => c["iss"] = "evil"), _key)), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Tampered_payload_with_the_original_signature_is_401()
    {
        var parts = _realToken.Split('.');
        var payload = HandMadeJwt.PayloadOf(_realToken);
        payload["role"] = "admin";
        var tampered = parts[0] + "." + HandMadeJwt.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];

        Assert.That(await MeWith(tampered), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Validly_signed_token_for_a_session_that_does_not_exist_is_401() =>
        Assert.That(await MeWith(HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), Claims(c => c["sid"] = Guid.NewGuid().ToString()), _key)), Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Garbage_bearer_token_is_401_problem_json()
    {
        using var client = _factory.CreateClientWithToken("not.a.jwt");

        var response = await client.GetAsync("/api/v1/auth/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
