namespace InfiniteSecurity.Application.Inspection.Common;

/// <summary>
/// A request URL as callers give it — origin form (<c>/path?query</c>) or absolute (<c>https://host/path?query</c>) —
/// split into the request-target as sent and the authority. The path and query are kept byte for byte
/// (no normalisation): what an attacker sent is what the engine must see.
/// </summary>
internal static class RequestTarget
{
    public const int MaxLength = 8192;

    public static bool TrySplit(string? url, out string target, out string? authority)
    {
        target = string.Empty;
        authority = null;
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url.Any(c => c is <= ' ' or '\u007f'))
        {
            return false;
        }

        if (url[0] == '/')
        {
            target = url;
            return true;
        }

        var scheme = url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8 : -1;
        if (scheme < 0)
        {
            return false;
        }

        var end = url.IndexOfAny(['/', '?', '#'], scheme);
        authority = end < 0 ? url[scheme..] : url[scheme..end];
        if (authority.Length == 0 || authority.Contains('@'))
        {
            // No host, or user information in the URL: not a request a browser sends.
            return false;
        }

        var rest = end < 0 ? string.Empty : url[end..];
        var fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        target = rest.Length == 0 || rest[0] != '/' ? "/" + rest : rest;
        return true;
    }
}
