namespace InfiniteSecurity.Detection.Requests;

/// <summary>Whether a URL value points back to the site a request was sent to.</summary>
public static class Sites
{
    // Second-level labels under which registrations sit one level deeper (example.co.uk, example.com.cn).
    private static readonly HashSet<string> SecondLevel = new(StringComparer.Ordinal) { "com", "net", "org", "gov", "edu", "co", "ac", "or", "ne", "go" };

    /// <summary>
    /// True when <paramref name="value"/> is an absolute or protocol-relative URL whose host is
    /// <paramref name="requestHost"/> or shares its registrable domain. A host with anything that makes parsers
    /// disagree (user-info, backslashes, encodings, control characters) is never the same site.
    /// </summary>
    public static bool SameSite(string value, string? requestHost)
    {
        if (string.IsNullOrEmpty(requestHost) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        var host = UrlHost(value.Trim());
        return host is not null && Site(host) is { } a && Site(requestHost.ToLowerInvariant()) is { } b && a == b;
    }

    private static string? UrlHost(string url)
    {
        var i = 0;
        while (i < url.Length && (char.IsAsciiLetterOrDigit(url[i]) || url[i] is '+' or '-' or '.'))
        {
            i++;
        }

        var start = i > 0 && i < url.Length && url[i] == ':' ? i + 1 : 0;
        if (start == 0 && i > 0 && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        if (!url.AsSpan(start).StartsWith("//"))
        {
            return null;
        }

        start += 2;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? url[start..] : url[start..end];
        if (authority.Length == 0 || authority.AsSpan().IndexOfAny("@\\%\t\r\n <>\"'") >= 0)
        {
            return null;
        }

        var colon = authority.LastIndexOf(':');
        return (colon > 0 ? authority[..colon] : authority).TrimEnd('.').ToLowerInvariant();
    }

    private static string? Site(string host)
    {
        var labels = host.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0))
        {
            return labels.Length == 1 && labels[0].Length > 0 ? host : null;
        }

        var take = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^take..]);
    }
}
