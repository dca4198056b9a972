using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// Script URL schemes as a browser's URL parser reads them: leading spaces and control characters are stripped,
/// tabs and newlines inside the scheme are ignored, case does not matter (<c>Java&#x09;Script:</c>).
/// </summary>
internal static class ScriptSchemes
{
    public static bool HasScriptScheme(string value)
    {
        Span<char> buf = stackalloc char[16];
        var n = 0;
        foreach (var c in value)
        {
            if (c <= ' ')
            {
                continue;
            }

            if (c == ':' || n == buf.Length)
            {
                break;
            }

            buf[n++] = char.ToLowerInvariant(c);
        }

        var scheme = buf[..n];
        if (IsScriptScheme(scheme))
        {
            return true;
        }

        return scheme.SequenceEqual("data") && (value.Contains("text/html", StringComparison.OrdinalIgnoreCase) || value.Contains("svg", StringComparison.OrdinalIgnoreCase)
            || value.Contains("script", StringComparison.OrdinalIgnoreCase) || value.Contains("base64", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>javascript:void(0)</c> and the like: a script URL that runs nothing (a common menu-link target).</summary>
    public static bool IsNoOpScriptUrl(string value)
    {
        var colon = value.IndexOf(':');
        return colon > 0 && value.AsSpan(0, colon).Trim().Equals("javascript", StringComparison.OrdinalIgnoreCase)
            && !IsCodeAfterScheme(value.AsSpan(colon + 1).Trim());
    }

    private static bool IsScriptScheme(ReadOnlySpan<char> scheme) =>
        scheme.SequenceEqual("javascript") || scheme.SequenceEqual("vbscript") || scheme.SequenceEqual("livescript") || scheme.SequenceEqual("mocha");

    /// <summary><c>javascript:</c> / <c>vbscript:</c> / HTML data URLs anywhere, e.g. in a redirect parameter or a Markdown link.</summary>
    public static void InspectScriptUrls(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        Span<char> buf = stackalloc char[12];
        for (var colon = s.IndexOf(':'); colon > 0; colon = Next(s, ':', colon))
        {
            var k = colon - 1;
            var letters = 0;
            var split = false;
            while (k >= 0 && letters < buf.Length && (char.IsAsciiLetter(s[k]) || s[k] is '\t' or '\n' or '\r' or '\0'))
            {
                if (char.IsAsciiLetter(s[k]))
                {
                    buf[buf.Length - 1 - letters] = char.ToLowerInvariant(s[k]);
                    letters++;
                }
                else
                {
                    split |= letters > 0;
                }

                k--;
            }

            var scheme = buf[(buf.Length - letters)..];
            var span = Math.Min(s.Length - k - 1, colon - k + 24);
            if (scheme.EndsWith("javascript") || scheme.EndsWith("vbscript") || scheme.EndsWith("livescript"))
            {
                var code = IsCodeAfterScheme(s[(colon + 1)..]);
                var inside = split && letters >= 8 && s[(k + 1)..colon].TrimStart("\t\n\r\0").IndexOfAny("\t\n\r\0") >= 0;
                f.Add(!code ? XssRules.ScriptSchemeMention : inside ? XssRules.SplitScriptScheme : XssRules.ScriptUrl, view, k + 1, span);
            }
            else if (scheme.EndsWith("data") && Scanning.At(s, Scanning.SkipSpaces(s, colon + 1), "text/html"))
            {
                f.Add(XssRules.DataHtmlUrl, view, k + 1, span);
            }
        }
    }

    // Code after the scheme: a call, a member access, a comment-then-newline trick, a string or an escape.
    private static bool IsCodeAfterScheme(ReadOnlySpan<char> after)
    {
        if (after.Length == 0 || char.IsWhiteSpace(after[0]))
        {
            return false;
        }

        // A bare void(0) link target runs nothing; code after it still counts.
        foreach (var noop in (ReadOnlySpan<string>)["void(0)", "void 0", "void(0);", ";"])
        {
            if (Scanning.At(after, 0, noop) && (after.Length == noop.Length || after[noop.Length] is ' ' or '"' or '\'' or '>' or '<'))
            {
                return false;
            }
        }

        return after.IndexOfAny('(', '`', '=') >= 0 || after.IndexOf('.') >= 0 || after[0] is '/' or '%' or '\\' or '[' or '{' or '\'' or '"';
    }

    private static int Next(ReadOnlySpan<char> s, char c, int from)
    {
        var n = s[(from + 1)..].IndexOf(c);
        return n < 0 ? -1 : from + 1 + n;
    }
}
