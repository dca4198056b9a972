namespace InfiniteSecurity.Application.Common;

/// <summary>Times in query strings are UTC: one without an offset is taken as UTC, never as the server's local time.</summary>
internal static class UtcQueryTime
{
    public static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();

    public static DateTime? AsUtc(DateTime? value) => value is { } v ? AsUtc(v) : null;
}
