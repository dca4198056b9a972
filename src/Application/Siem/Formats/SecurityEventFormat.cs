namespace InfiniteSecurity.Application.Siem.Formats;

/// <summary>The wire formats of the security event stream.</summary>
public static class SecurityEventFormat
{
    /// <summary>This API's own snake_case JSON.</summary>
    public const string Json = "json";

    /// <summary>OCSF 1.3 JSON (Detection Finding 2004, Authentication 3002, Account Change 3001, API Activity 6003).</summary>
    public const string Ocsf = "ocsf";

    /// <summary>Elastic Common Schema JSON.</summary>
    public const string Ecs = "ecs";

    /// <summary>ArcSight Common Event Format, one line per event.</summary>
    public const string Cef = "cef";

    /// <summary>IBM QRadar Log Event Extended Format 2.0, one line per event.</summary>
    public const string Leef = "leef";

    public static IReadOnlyList<string> All { get; } = [Json, Ocsf, Ecs, Cef, Leef];

    public static bool IsKnown(string? format) => format is not null && All.Contains(format, StringComparer.Ordinal);

    /// <summary>Formats that are one text line per event rather than a JSON document.</summary>
    public static bool IsLineFormat(string format) => format is Cef or Leef;
}
