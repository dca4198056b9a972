namespace InfiniteSecurity.Application.Inspection.Common;

/// <summary>RFC 9110 token characters: what a method or a header name may consist of.</summary>
internal static class HttpToken
{
    public static bool IsToken(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
