namespace InfiniteSecurity.Domain.Audit;

/// <summary>The audit event names the product emits.</summary>
public static class AuditEventType
{
    public const string ThreatDetected = "THREAT_DETECTED";
    public const string LoginSuccess = "LOGIN_SUCCESS";
    public const string LoginFailed = "LOGIN_FAILED";
    public const string LoginBlockedLocked = "LOGIN_BLOCKED_LOCKED";
    public const string Logout = "LOGOUT";
    public const string TokenRefresh = "TOKEN_REFRESH";
    public const string TokenReuseDetected = "TOKEN_REUSE_DETECTED";
}
