using System.Security.Claims;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Clients;
using InfiniteSecurity.Domain.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>Issues HS256 JWTs: access tokens for users (with their session id) and machine clients, and MFA challenge tokens.</summary>
internal sealed class TokenService(JwtSigningKey key, IOptions<JwtOptions> jwt, IOptions<AuthOptions> auth, TimeProvider time) : ITokenService
{
    private static readonly TimeSpan MfaChallengeLifetime = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken CreateAccessToken(User user, Guid sessionId, string? restriction)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = user.Id.ToString(),
            [JwtRegisteredClaimNames.Name] = user.UserName,
            [ClaimNames.Role] = Roles.NameOf(user.Role),
            [JwtRegisteredClaimNames.Sid] = sessionId.ToString(),
        };
        if (restriction is not null)
        {
            claims[TokenRestriction.ClaimType] = restriction;
        }

        return Create(jwt.Value.Audience, claims, TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes));
    }

    public IssuedToken CreateClientToken(MachineClient client, IReadOnlyCollection<string> scopes) =>
        Create(jwt.Value.Audience, new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = client.ClientId,
            [ClaimNames.ClientId] = client.ClientId,
            [ClaimNames.Scope] = string.Join(' ', scopes),
        }, TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes));

    public string CreateMfaChallengeToken(User user) =>
        Create(jwt.Value.MfaAudience, new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = user.Id.ToString() }, MfaChallengeLifetime).Token;

    public async Task<Guid?> ReadMfaChallengeTokenAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, TokenValidation.Parameters(key, jwt.Value, jwt.Value.MfaAudience, time)).ConfigureAwait(false);
        return result.IsValid && result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var sub) && Guid.TryParse(sub?.ToString(), out var id) ? id : null;
    }

    private IssuedToken Create(string audience, Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var jti = Guid.CreateVersion7(time.GetUtcNow());
        claims[JwtRegisteredClaimNames.Jti] = jti.ToString();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Value.Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(_handler.CreateToken(descriptor), now + lifetime, jti);
    }
}
