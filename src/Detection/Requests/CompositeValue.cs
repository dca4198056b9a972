namespace InfiniteSecurity.Detection.Requests;

/// <summary>Recognises values that are themselves URLs or query strings: a tracking pixel's URL in <c>from=</c>, a
/// page URL reported by telemetry, <c>a=1&amp;b=2</c> passed through as one parameter.</summary>
internal static class CompositeValue
{
    private static readonly string[] Methods = ["GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "PATCH ", "OPTIONS "];

    /// <summary>True when <paramref name="value"/> is an http(s) or protocol-relative URL (optionally after a method
    /// word, as request logs write it) or a query string of two or more pairs; <paramref name="query"/> is its
    /// query part (empty for a URL without one).</summary>
    public static bool TryQuery(string value, out string query)
    {
        query = string.Empty;
        var v = value.AsSpan().Trim();
        foreach (var m in Methods)
        {
            if (v.StartsWith(m, StringComparison.Ordinal))
            {
                v = v[m.Length..];
                break;
            }
        }

        // A URL percent-encoded as a whole (https%3A%2F%2F...): its query is one decoding further in.
        if (v.StartsWith("http%3a%2f%2f", StringComparison.OrdinalIgnoreCase) || v.StartsWith("https%3a%2f%2f", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = PercentDecoder.Decode(v.ToString(), plusAsSpace: false);
            return !decoded.StartsWith("http%", StringComparison.OrdinalIgnoreCase) && TryQuery(decoded, out query);
        }

        if (v.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || (v.StartsWith("//") && v.Length > 2 && char.IsAsciiLetterOrDigit(v[2])))
        {
            if (v.IndexOfAny("\t\r\n") >= 0)
            {
                return false;
            }

            var q = v.IndexOf('?');
            if (q >= 0)
            {
                var rest = v[(q + 1)..];
                var hash = rest.IndexOf('#');
                query = (hash < 0 ? rest : rest[..hash]).ToString();
            }

            return true;
        }

        if (v.IndexOf('&') > 0 && LooksLikeQuery(v))
        {
            query = v.ToString();
            return true;
        }

        return false;
    }

    // name=value pairs joined by '&', names plain words (brackets allowed), no whitespace or quotes.
    public static bool LooksLikeQuery(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text.IndexOfAny(" \t\r\n'\"<>`") >= 0)
        {
            return false;
        }

        foreach (var range in text.Split('&'))
        {
            var pair = text[range];
            var eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                return false;
            }

            foreach (var c in pair[..eq])
            {
                if (!(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '[' or ']' or '%'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
