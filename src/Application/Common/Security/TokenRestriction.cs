namespace InfiniteSecurity.Application.Common.Security;

/// <summary>Values of the <c>restricted</c> claim: what a restricted access token is limited to.</summary>
public static class TokenRestriction
{
    public const string ClaimType = "restricted";
    public const string PasswordChange = "password_change";
    public const string MfaEnrolment = "mfa_enrolment";
}
