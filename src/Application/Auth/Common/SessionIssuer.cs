using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Sessions;
using InfiniteSecurity.Domain.Users;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application.Auth.Common;

/// <summary>Starts or rotates a refresh session and issues the access token that belongs to it.</summary>
internal sealed class SessionIssuer(IAppDbContext db, ITokenService tokens, ICallerContext caller, IOptions<AuthOptions> options, TimeProvider time)
{
    private TimeSpan RefreshLifetime => TimeSpan.FromDays(options.Value.RefreshTokenDays);

    public AuthTokens Start(User user)
    {
        var refreshToken = Secrets.NewToken();
        var session = Session.Start(user.Id, Secrets.Hash(refreshToken), RefreshLifetime, caller.IpAddress, caller.UserAgent, time);
        db.Sessions.Add(session);
        return Issue(user, session, refreshToken);
    }

    public AuthTokens Rotate(User user, Session current)
    {
        var refreshToken = Secrets.NewToken();
        var next = current.Rotate(Secrets.Hash(refreshToken), RefreshLifetime, caller.IpAddress, caller.UserAgent, time);
        db.Sessions.Add(next);
        return Issue(user, next, refreshToken);
    }

    /// <summary>A bootstrap password must be changed, and with RequireMfaForAdmins an admin must enrol MFA, before anything else.</summary>
    private string? RestrictionFor(User user) =>
        user.MustChangePassword ? TokenRestriction.PasswordChange
        : options.Value.RequireMfaForAdmins && user.Role == UserRole.Admin && !user.TwoFactorEnabled ? TokenRestriction.MfaEnrolment
        : null;

    private AuthTokens Issue(User user, Session session, string refreshToken)
    {
        var restriction = RestrictionFor(user);
        var access = tokens.CreateAccessToken(user, session.Id, restriction);
        var expiresIn = (int)Math.Round((access.ExpiresAt - time.GetUtcNow().UtcDateTime).TotalSeconds);
        return new AuthTokens(access.Token, expiresIn, refreshToken, session.Id, restriction);
    }
}
