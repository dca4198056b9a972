namespace InfiniteSecurity.Application.Common.Security;

/// <summary>Claim names beyond the registered JWT ones (RFC 9068 / RFC 8693 style).</summary>
public static class ClaimNames
{
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ClientId = "client_id";
}
