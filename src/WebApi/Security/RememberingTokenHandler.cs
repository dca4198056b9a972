using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfiniteSecurity.WebApi.Security;

/// <summary>
/// The bearer handler's token handler: a <see cref="JsonWebTokenHandler"/> that remembers the tokens it found valid,
/// so a gateway sending thousands of requests a second with one token does not have each one parsed, its signature
/// recomputed and its claims rebuilt. A remembered token is served only to the same validation parameters, only up
/// to its own expiry (by the service's clock, with the configured skew) and at most <see cref="MaxAge"/> after it was
/// validated. The bearer handler hands over a fresh copy of its validation parameters with every request, so "the same
/// parameters" means the same key, issuer, audience and checks, compared field by field. Invalid tokens are never remembered, so nothing an attacker sends is stored. Revocation is not this
/// class's business: the bearer events check the session or client on every request, after this handler.
/// Each caller gets its own copy of the identity, because later stages may add claims to it.
/// </summary>
internal sealed class RememberingTokenHandler : TokenHandler, IDisposable
{
    /// <summary>How many validated tokens are kept; when full, the least recently used are dropped first.</summary>
    public const int Capacity = 8192;

    /// <summary>How long a validation is reused at most, whatever the token's own lifetime.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Tokens longer than this are validated every time (a service token is well under 2 KB).</summary>
    private const int MaxRememberedLength = 4096;

    private readonly TokenHandler _inner;
    private readonly TimeProvider _time;
    private readonly MemoryCache _validated;

    public RememberingTokenHandler(TokenHandler inner, TimeProvider time)
    {
        _inner = inner;
        _time = time;
        _validated = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity, Clock = new TimeProviderClock(time) });
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (token.Length <= MaxRememberedLength
            && _validated.TryGetValue(token, out Remembered? remembered)
            && SameRules(remembered!.Parameters, validationParameters)
            && _time.GetUtcNow().UtcDateTime < remembered.ValidUntil)
        {
            return new TokenValidationResult
            {
                IsValid = true,
                ClaimsIdentity = remembered.Identity.Clone(),
                SecurityToken = remembered.Token,
                TokenType = remembered.TokenType,
                Issuer = remembered.Issuer,
            };
        }

        var result = await _inner.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && token.Length <= MaxRememberedLength && result.SecurityToken is { } securityToken && result.ClaimsIdentity is { } identity)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var expires = securityToken.ValidTo.ToUniversalTime() + validationParameters.ClockSkew;
            var until = expires < now + MaxAge ? expires : now + MaxAge;
            if (until > now)
            {
                _validated.Set(token, new Remembered(validationParameters, identity.Clone(), securityToken, result.TokenType, result.Issuer, until),
                    new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
            }
        }

        return result;
    }

    private static bool SameRules(TokenValidationParameters a, TokenValidationParameters b) =>
        ReferenceEquals(a, b)
        || (ReferenceEquals(a.IssuerSigningKey, b.IssuerSigningKey)
            && a.IssuerSigningKeys is null && b.IssuerSigningKeys is null
            && a.ValidIssuer == b.ValidIssuer && a.ValidIssuers is null && b.ValidIssuers is null
            && a.ValidAudience == b.ValidAudience && a.ValidAudiences is null && b.ValidAudiences is null
            && (a.ValidAlgorithms ?? []).SequenceEqual(b.ValidAlgorithms ?? [])
            && a.ValidateIssuer == b.ValidateIssuer && a.ValidateAudience == b.ValidateAudience
            && a.ValidateLifetime == b.ValidateLifetime && a.ValidateIssuerSigningKey == b.ValidateIssuerSigningKey
            && a.RequireSignedTokens == b.RequireSignedTokens && a.RequireExpirationTime == b.RequireExpirationTime
            && ReferenceEquals(a.LifetimeValidator, b.LifetimeValidator)
            && a.ClockSkew == b.ClockSkew);

    public override SecurityToken ReadToken(string token) => _inner.ReadToken(token);

    public override int MaximumTokenSizeInBytes
    {
        get => _inner.MaximumTokenSizeInBytes;
        set => _inner.MaximumTokenSizeInBytes = value;
    }

    public void Dispose() => _validated.Dispose();

    private sealed record Remembered(TokenValidationParameters Parameters, ClaimsIdentity Identity, SecurityToken Token, string? TokenType, string? Issuer, DateTime ValidUntil);

    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
