using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InfiniteSecurity.WebApi.Security;

internal static class AuthenticationSetup
{
    /// <summary>
    /// JWT bearer: HS256 only, our issuer/audience/lifetime, and the token's session (or client) must still be alive in
    /// the store — so logout and revocation take effect at once. Valid tokens are remembered for a while
    /// (<see cref="RememberingTokenHandler"/>); the session check still runs on every request.
    /// </summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtSigningKey, IOptions<JwtOptions>, TimeProvider>((o, key, jwt, time) =>
            {
                o.MapInboundClaims = false;
                o.TokenHandlers.Clear();
                o.TokenHandlers.Add(new RememberingTokenHandler(new JsonWebTokenHandler { MapInboundClaims = false }, time));

                // The 401 says "invalid_token" but not why (expired, bad signature, unknown key): no oracle for forgers.
                o.IncludeErrorDetails = false;
                o.TokenValidationParameters = TokenValidation.Parameters(key, jwt.Value, jwt.Value.Audience, time);
                o.Events = new JwtBearerEvents { OnTokenValidated = CheckNotRevokedAsync };
            });
        services.AddAuthorization(Policies.Add);
        return services;
    }

    private static async Task CheckNotRevokedAsync(TokenValidatedContext context)
    {
        var revocation = context.HttpContext.RequestServices.GetRequiredService<IAccessTokenRevocation>();
        var principal = context.Principal!;
        var cancellationToken = context.HttpContext.RequestAborted;
        if (principal.FindFirst(JwtRegisteredClaimNames.Sid)?.Value is { } sid)
        {
            if (!Guid.TryParse(sid, out var sessionId) || !await revocation.IsSessionActiveAsync(sessionId, cancellationToken))
            {
                context.Fail("The session of this token has ended.");
            }
        }
        else if (principal.FindFirst(ClaimNames.ClientId)?.Value is { } clientId)
        {
            if (!await revocation.IsClientActiveAsync(clientId, cancellationToken))
            {
                context.Fail("The client of this token is revoked.");
            }
        }
        else
        {
            context.Fail("The token has neither a session nor a client.");
        }
    }
}
