using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Clients;
using Microsoft.AspNetCore.Authorization;

namespace InfiniteSecurity.WebApi.Security;

/// <summary>
/// The authorization policies. Every endpoint needs a valid, unrestricted token unless it says otherwise (the
/// fallback policy); a restricted token (bootstrap password, admin MFA enrolment) only reaches its own endpoints.
/// </summary>
public static class Policies
{
    public const string Admin = "admin";

    /// <summary>Analysts and admins (reading detection configuration such as the rule catalogue).</summary>
    public const string Analyst = "analyst";

    /// <summary>Users of any role, and machine clients granted the <c>analyze</c> scope.</summary>
    public const string Analyze = "analyze";

    /// <summary>Analysts and admins, and machine clients granted the <c>siem:read</c> scope (the SIEM event stream).</summary>
    public const string SiemRead = "siem_read";

    /// <summary>A signed-in person (not a machine client).</summary>
    public const string SignedInUser = "signed_in_user";

    /// <summary>A signed-in person, even with a restricted token (me, logout).</summary>
    public const string AnySession = "any_session";

    public const string PasswordChange = "password_change";

    public const string MfaEnrolment = "mfa_enrolment";

    public static void Add(AuthorizationOptions options)
    {
        var unrestricted = Base().RequireAssertion(c => !c.User.HasClaim(h => h.Type == TokenRestriction.ClaimType)).Build();
        options.DefaultPolicy = unrestricted;
        options.FallbackPolicy = unrestricted;
        options.AddPolicy(Admin, Base().RequireAssertion(c => Unrestricted(c) && c.User.IsInRole(Roles.Admin)).Build());
        options.AddPolicy(Analyst, Base().RequireAssertion(c => Unrestricted(c) && IsPerson(c) && (c.User.IsInRole(Roles.Admin) || c.User.IsInRole(Roles.Analyst))).Build());
        options.AddPolicy(Analyze, Base().RequireAssertion(c => Unrestricted(c) && (IsPerson(c) || HasScope(c, ClientScope.Analyze))).Build());
        options.AddPolicy(SiemRead, Base().RequireAssertion(c => Unrestricted(c) && (IsPerson(c) ? c.User.IsInRole(Roles.Admin) || c.User.IsInRole(Roles.Analyst) : HasScope(c, ClientScope.SiemRead))).Build());
        options.AddPolicy(SignedInUser, Base().RequireAssertion(c => Unrestricted(c) && IsPerson(c)).Build());
        options.AddPolicy(AnySession, Base().RequireAssertion(IsPerson).Build());
        options.AddPolicy(PasswordChange, Base().RequireAssertion(c => IsPerson(c) && (Unrestricted(c) || c.User.HasClaim(TokenRestriction.ClaimType, TokenRestriction.PasswordChange))).Build());
        options.AddPolicy(MfaEnrolment, Base().RequireAssertion(c => IsPerson(c) && (Unrestricted(c) || c.User.HasClaim(TokenRestriction.ClaimType, TokenRestriction.MfaEnrolment))).Build());
    }

    private static AuthorizationPolicyBuilder Base() => new AuthorizationPolicyBuilder().RequireAuthenticatedUser();

    private static bool Unrestricted(AuthorizationHandlerContext c) => !c.User.HasClaim(h => h.Type == TokenRestriction.ClaimType);

    private static bool IsPerson(AuthorizationHandlerContext c) => c.User.HasClaim(h => h.Type == ClaimNames.Role) && !c.User.HasClaim(h => h.Type == ClaimNames.ClientId);

    private static bool HasScope(AuthorizationHandlerContext c, string scope) =>
        c.User.FindAll(ClaimNames.Scope).SelectMany(s => s.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope, StringComparer.Ordinal);
}
