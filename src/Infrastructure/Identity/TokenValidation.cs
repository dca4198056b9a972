using InfiniteSecurity.Application.Common.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>What a valid token of this service is: HS256 only, our issuer and audience, exp required, nbf honoured.</summary>
public static class TokenValidation
{
    /// <summary>The one definition of what a valid token is; the bearer handler uses it too.</summary>
    public static TokenValidationParameters Parameters(JwtSigningKey key, JwtOptions options, string audience, TimeProvider time) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = audience,
        IssuerSigningKey = key.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
        LifetimeValidator = (notBefore, expires, _, p) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } exp && exp.ToUniversalTime() + p.ClockSkew > now && (notBefore is not { } nbf || nbf.ToUniversalTime() - p.ClockSkew <= now);
        },
        NameClaimType = JwtRegisteredClaimNames.Name,
        RoleClaimType = ClaimNames.Role,
    };

}
