namespace InfiniteSecurity.Domain.Audit;

/// <summary>The audit event names the product emits.</summary>
public static class AuditEventType
{
    public const string ThreatDetected = "THREAT_DETECTED";
    public const string LoginSuccess = "LOGIN_SUCCESS";
    public const string LoginFailed = "LOGIN_FAILED";
    public const string LoginBlockedLocked = "LOGIN_BLOCKED_LOCKED";
    public const string LoginBlockedThrottled = "LOGIN_BLOCKED_THROTTLED";

    /// <summary>A user name reached its ceiling of failed sign-ins from all addresses together: someone is guessing at it from many.</summary>
    public const string LoginNameCeilingReached = "LOGIN_NAME_CEILING_REACHED";
    public const string Logout = "LOGOUT";
    public const string TokenRefresh = "TOKEN_REFRESH";
    public const string TokenReuseDetected = "TOKEN_REUSE_DETECTED";
    public const string SessionRevoked = "SESSION_REVOKED";

    /// <summary>An admin ended another user's session; details name the session and its user, the actor is the admin.</summary>
    public const string SessionEndedByAdmin = "SESSION_ENDED_BY_ADMIN";
    public const string MfaEnrolmentStarted = "MFA_ENROLMENT_STARTED";
    public const string MfaEnabled = "MFA_ENABLED";
    public const string MfaChallengeFailed = "MFA_CHALLENGE_FAILED";
    public const string MfaRecoveryCodeUsed = "MFA_RECOVERY_CODE_USED";
    public const string MfaReset = "MFA_RESET";
    public const string UserCreated = "USER_CREATED";
    public const string UserDisabled = "USER_DISABLED";
    public const string UserEnabled = "USER_ENABLED";
    public const string UserUnlocked = "USER_UNLOCKED";
    public const string UserPasswordChanged = "USER_PASSWORD_CHANGED";
    public const string RoleChanged = "ROLE_CHANGED";
    public const string ClientCreated = "CLIENT_CREATED";
    public const string ClientSecretRotated = "CLIENT_SECRET_ROTATED";
    public const string ClientRevoked = "CLIENT_REVOKED";
    public const string ClientQuotaChanged = "CLIENT_QUOTA_CHANGED";
    public const string ClientTokenIssued = "CLIENT_TOKEN_ISSUED";
    public const string ClientAuthenticationFailed = "CLIENT_AUTHENTICATION_FAILED";
    public const string DetectionExclusionCreated = "DETECTION_EXCLUSION_CREATED";
    public const string DetectionExclusionRemoved = "DETECTION_EXCLUSION_REMOVED";

    /// <summary>An analyst gave (or replaced) a verdict on a threat.</summary>
    public const string ThreatFeedbackSubmitted = "THREAT_FEEDBACK_SUBMITTED";

    /// <summary>A rule's effective weight moved (feedback); details say old → new and why.</summary>
    public const string RuleWeightChanged = "RULE_WEIGHT_CHANGED";

    /// <summary>An admin put a rule back to its base weight and cleared its feedback counts.</summary>
    public const string RuleWeightReset = "RULE_WEIGHT_RESET";

    /// <summary>An analyst or admin read (or tried to read) the stored input of a threat; details name the threat and the result.</summary>
    public const string ThreatInputRead = "THREAT_INPUT_READ";
}
