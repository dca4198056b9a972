using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using InfiniteSecurity.WebApi.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

/// <summary>
/// The bearer handler's memory of valid tokens, on its own: what it may reuse, and what it must validate afresh.
/// Over HTTP, <see cref="TokenValidationTests"/> and <see cref="SessionTests"/> run with it in place.
/// </summary>
public sealed class RememberingTokenHandlerTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a-signing-key-for-these-tests-only-0123456789");
    private readonly ShiftableClock _clock = new();
    private CountingHandler _inner = null!;
    private RememberingTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;

    [SetUp]
    public void Create()
    {
        _inner = new CountingHandler();
        _handler = new RememberingTokenHandler(_inner, _clock);
        _parameters = Parameters();
    }

    [TearDown]
    public void Dispose() => _handler.Dispose();

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "test-issuer",
        ValidAudience = "test-audience",
        IssuerSigningKey = new SymmetricSecurityKey(Key),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = (notBefore, expires, _, _) => expires is { } exp && exp.ToUniversalTime() > _clock.GetUtcNow().UtcDateTime,
    };

    private string Token(TimeSpan lifetime, byte[]? key = null, string subject = "user-1")
    {
        var now = _clock.GetUtcNow();
        var payload = new JsonObject
        {
            ["iss"] = "test-issuer",
            ["aud"] = "test-audience",
            ["sub"] = subject,
            ["iat"] = HandMadeJwt.UnixTime(now),
            ["exp"] = HandMadeJwt.UnixTime(now + lifetime),
        };
        return HandMadeJwt.Sign(HandMadeJwt.Header("HS256"), payload, key ?? Key);
    }

    [Test]
    public async Task A_valid_token_is_validated_once_and_then_served_from_memory()
    {
        var token = Token(TimeSpan.FromMinutes(10));

        var first = await _handler.ValidateTokenAsync(token, _parameters);
        var second = await _handler.ValidateTokenAsync(token, _parameters);

        Assert.That(first.IsValid && second.IsValid, Is.True);
        Assert.That(_inner.Calls, Is.EqualTo(1));
        Assert.That(second.ClaimsIdentity.FindFirst("sub")?.Value, Is.EqualTo("user-1"));
        Assert.That(second.SecurityToken, Is.SameAs(first.SecurityToken));
    }

    [Test]
    public async Task Each_caller_gets_its_own_identity_so_claims_added_by_one_request_never_reach_the_next()
    {
        var token = Token(TimeSpan.FromMinutes(10));
        var first = await _handler.ValidateTokenAsync(token, _parameters);
        first.ClaimsIdentity.AddClaim(new Claim("role", "admin"));

        var second = await _handler.ValidateTokenAsync(token, _parameters);

        Assert.That(second.ClaimsIdentity, Is.Not.SameAs(first.ClaimsIdentity));
        Assert.That(second.ClaimsIdentity.HasClaim("role", "admin"), Is.False);
    }

    [Test]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var token = Token(TimeSpan.FromMinutes(2));
        Assert.That((await _handler.ValidateTokenAsync(token, _parameters)).IsValid, Is.True);

        _clock.Advance(TimeSpan.FromMinutes(3));
        var after = await _handler.ValidateTokenAsync(token, _parameters);

        Assert.That(after.IsValid, Is.False);
        Assert.That(_inner.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task A_long_lived_token_is_validated_again_after_the_memory_limit()
    {
        var token = Token(TimeSpan.FromHours(2));
        await _handler.ValidateTokenAsync(token, _parameters);

        _clock.Advance(RememberingTokenHandler.MaxAge + TimeSpan.FromSeconds(1));
        var again = await _handler.ValidateTokenAsync(token, _parameters);

        Assert.That(again.IsValid, Is.True);
        Assert.That(_inner.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task An_invalid_token_is_never_remembered()
    {
        var forged = Token(TimeSpan.FromMinutes(10), key: Encoding.UTF8.GetBytes("another-key-that-the-service-does-not-have-42"));

        var first = await _handler.ValidateTokenAsync(forged, _parameters);
        var second = await _handler.ValidateTokenAsync(forged, _parameters);

        Assert.That(first.IsValid || second.IsValid, Is.False);
        Assert.That(_inner.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task A_copy_of_the_same_validation_parameters_is_served_from_memory()
    {
        var token = Token(TimeSpan.FromMinutes(10));
        await _handler.ValidateTokenAsync(token, _parameters);

        var result = await _handler.ValidateTokenAsync(token, _parameters.Clone());

        Assert.That(result.IsValid, Is.True);
        Assert.That(_inner.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_token_remembered_under_some_validation_parameters_is_validated_afresh_under_others()
    {
        var token = Token(TimeSpan.FromMinutes(10));
        await _handler.ValidateTokenAsync(token, _parameters);

        var stricter = _parameters.Clone();
        stricter.ValidAudience = "another-audience";
        var result = await _handler.ValidateTokenAsync(token, stricter);

        Assert.That(result.IsValid, Is.False);
        Assert.That(_inner.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task Tokens_are_remembered_one_by_one()
    {
        var one = Token(TimeSpan.FromMinutes(10), subject: "user-1");
        var other = Token(TimeSpan.FromMinutes(10), subject: "user-2");
        await _handler.ValidateTokenAsync(one, _parameters);

        var result = await _handler.ValidateTokenAsync(other, _parameters);

        Assert.That(result.ClaimsIdentity.FindFirst("sub")?.Value, Is.EqualTo("user-2"));
        Assert.That(_inner.Calls, Is.EqualTo(2));
    }

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _real = new() { MapInboundClaims = false };

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _real.ValidateTokenAsync(token, validationParameters);
        }
    }
}
