namespace InfiniteSecurity.Domain.Clients;

/// <summary>The scopes a machine client can be granted.</summary>
public static class ClientScope
{
    public const string Analyze = "analyze";
    public const string SiemRead = "siem:read";

    public static IReadOnlyList<string> All { get; } = [Analyze, SiemRead];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
