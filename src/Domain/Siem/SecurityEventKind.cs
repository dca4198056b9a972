namespace InfiniteSecurity.Domain.Siem;

/// <summary>Which table a security event was copied from.</summary>
public static class SecurityEventKind
{
    public const string Threat = "threat";
    public const string Audit = "audit";
}
