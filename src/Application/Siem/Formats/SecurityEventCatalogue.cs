using InfiniteSecurity.Application.Siem.Common;
using InfiniteSecurity.Domain.Audit;

namespace InfiniteSecurity.Application.Siem.Formats;

/// <summary>
/// What each event type means to a SIEM: a human name, a 0–10 severity, and the OCSF class and activity it maps
/// to. Kept in one table so every format agrees.
/// </summary>
public static class SecurityEventCatalogue
{
    public enum Group
    {
        Finding,
        Authentication,
        Account,
        Api,
    }

    public sealed record Entry(string Name, Group Group, int ActivityId, string ActivityName, int FailureSeverity, int SuccessSeverity);

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        [AuditEventType.ThreatDetected] = new("Threat detected", Group.Finding, 1, "Create", 0, 0),
        [AuditEventType.LoginSuccess] = new("Sign-in succeeded", Group.Authentication, 1, "Logon", 3, 3),
        [AuditEventType.LoginFailed] = new("Sign-in failed", Group.Authentication, 1, "Logon", 5, 5),
        [AuditEventType.LoginBlockedLocked] = new("Sign-in refused: locked out", Group.Authentication, 1, "Logon", 7, 7),
        [AuditEventType.LoginBlockedThrottled] = new("Sign-in refused: throttled", Group.Authentication, 1, "Logon", 7, 7),
        [AuditEventType.LoginNameCeilingReached] = new("Sign-in failures for one name from many addresses", Group.Authentication, 1, "Logon", 8, 8),
        [AuditEventType.Logout] = new("Signed out", Group.Authentication, 2, "Logoff", 2, 2),
        [AuditEventType.TokenRefresh] = new("Session token refreshed", Group.Authentication, 4, "Service Ticket Renew", 5, 2),
        [AuditEventType.TokenReuseDetected] = new("Used refresh token presented again", Group.Authentication, 4, "Service Ticket Renew", 9, 9),
        [AuditEventType.SessionRevoked] = new("Session revoked", Group.Authentication, 2, "Logoff", 3, 3),
        [AuditEventType.SessionEndedByAdmin] = new("Session ended by an admin", Group.Authentication, 2, "Logoff", 5, 5),
        [AuditEventType.MfaChallengeFailed] = new("Second factor failed", Group.Authentication, 1, "Logon", 6, 6),
        [AuditEventType.MfaRecoveryCodeUsed] = new("Recovery code used", Group.Authentication, 1, "Logon", 6, 5),
        [AuditEventType.ClientTokenIssued] = new("Machine client token issued", Group.Authentication, 3, "Authentication Ticket", 5, 2),
        [AuditEventType.ClientAuthenticationFailed] = new("Machine client authentication failed", Group.Authentication, 3, "Authentication Ticket", 6, 6),
        [AuditEventType.MfaEnrolmentStarted] = new("Authenticator enrolment started", Group.Account, 99, "Other", 4, 3),
        [AuditEventType.MfaEnabled] = new("Authenticator enabled", Group.Account, 10, "MFA Factor Enable", 4, 3),
        [AuditEventType.MfaReset] = new("Authenticator reset", Group.Account, 11, "MFA Factor Disable", 6, 6),
        [AuditEventType.UserCreated] = new("User created", Group.Account, 1, "Create", 5, 4),
        [AuditEventType.UserDisabled] = new("User disabled", Group.Account, 5, "Disable", 5, 5),
        [AuditEventType.UserEnabled] = new("User enabled", Group.Account, 2, "Enable", 5, 4),
        [AuditEventType.UserUnlocked] = new("User unlocked", Group.Account, 12, "Unlock", 5, 4),
        [AuditEventType.UserPasswordChanged] = new("Password changed", Group.Account, 3, "Password Change", 5, 4),
        [AuditEventType.RoleChanged] = new("Role changed", Group.Account, 7, "Attach Policy", 6, 6),
        [AuditEventType.ClientCreated] = new("Machine client created", Group.Api, 1, "Create", 5, 4),
        [AuditEventType.ClientSecretRotated] = new("Machine client secret rotated", Group.Api, 3, "Update", 5, 4),
        [AuditEventType.ClientRevoked] = new("Machine client revoked", Group.Api, 4, "Delete", 5, 4),
        [AuditEventType.ClientQuotaChanged] = new("Machine client quota changed", Group.Api, 3, "Update", 5, 4),
        [AuditEventType.DetectionExclusionCreated] = new("Detection exclusion created", Group.Api, 1, "Create", 6, 6),
        [AuditEventType.DetectionExclusionRemoved] = new("Detection exclusion removed", Group.Api, 4, "Delete", 5, 5),
    };

    public static Entry Of(string eventType) =>
        Entries.TryGetValue(eventType, out var entry) ? entry : new(eventType.Replace('_', ' ').ToLowerInvariant(), Group.Api, 99, "Other", 5, 3);

    /// <summary>0–10 as CEF wants it; LEEF uses the same scale.</summary>
    public static int Severity(SecurityEventView e)
    {
        if (e.Threat is { } threat)
        {
            return threat.Severity switch { "critical" => 10, "high" => 8, "medium" => 5, _ => 3 };
        }

        var entry = Of(e.Type);
        return IsFailure(e) ? entry.FailureSeverity : entry.SuccessSeverity;
    }

    public static bool IsFailure(SecurityEventView e) => e.Threat is null && e.Outcome == nameof(AuditOutcome.Failure);

    /// <summary>The name a SIEM shows: for a threat its family, for the rest what happened.</summary>
    public static string Name(SecurityEventView e) => e.Threat is { } threat ? $"Threat detected: {threat.Family}" : Of(e.Type).Name;

    /// <summary>CEF's Device Event Class ID and LEEF's EventID: stable per kind of event, so SIEM rules can key on it.</summary>
    public static string SignatureId(SecurityEventView e) => e.Threat is { } threat ? $"{e.Type}:{threat.Family}" : e.Type;
}
