using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// The one check only a request parser can make: a line break in a value that can reach a response header (query,
/// cookie, path, header values; form fields when the break is encoded beyond the form's own encoding). The engine
/// alone treats a bare encoded break as a weak probe, since it does not know where the text came from; here the
/// position says the probe is aimed at a header.
/// </summary>
internal static class HeaderReachableBreak
{
    public static string RuleId => RequestRules.HeaderReachableBreak.Id;

    private static readonly HashSet<LocationClass> Reaching =
    [
        LocationClass.Path, LocationClass.Parameter, LocationClass.RedirectParameter, LocationClass.ClientHeader,
        LocationClass.RedirectHeader, LocationClass.RedirectComposite, LocationClass.JsonString,
    ];

    // Forms of CR/LF that survive one decoding and only become a break when something decodes again: double
    // percent-encoding, the UTF-8 sequences of U+560A/U+560D that some servers truncate to 0x0A/0x0D, %u escapes.
    private static readonly string[] Encoded = ["%0d", "%0a", "%e5%98%8a", "%e5%98%8d", "%u000a", "%u000d", "\u560a", "\u560d"];

    // Forms that also occur in honest text (a pasted multi-line search, an escaped string): a break only when a
    // header line follows it.
    private static readonly string[] Textual = ["\\r", "\\n", "&#10;", "&#13;", "&#xa;", "&#xd;", "&#x0a;", "&#x0d;"];

    public static Finding? Check(RequestValue value, LocationClass location, IRuleWeights weights)
    {
        if (!Reaching.Contains(location) || value.Value.Length == 0)
        {
            return null;
        }

        var s = value.Value;
        var at = EncodedBreak(s);
        if (at < 0)
        {
            at = TextualBreakBeforeHeader(s, value.Source is ValueSource.Query or ValueSource.Cookie or ValueSource.Path or ValueSource.Header);
        }

        if (at < 0)
        {
            return null;
        }

        var length = Math.Min(s.Length - at, 60);
        return RequestRules.Finding(RequestRules.HeaderReachableBreak, weights, s, at, length);
    }

    // A real break counts in positions that never carry multi-line text on their own (a form's textarea does).
    private static int TextualBreakBeforeHeader(string s, bool realBreaks)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var end = -1;
            if (realBreaks && s[i] is '\r' or '\n')
            {
                end = i + 1;
            }
            else if (s[i] is '\\' or '&')
            {
                // Every textual form starts with a backslash or an ampersand (neither has another case).
                foreach (var t in Textual)
                {
                    if (string.CompareOrdinal(s, i, t, 0, t.Length) == 0 || (t[0] == '&' && s.AsSpan(i).StartsWith(t, StringComparison.OrdinalIgnoreCase)))
                    {
                        end = i + t.Length;
                        break;
                    }
                }
            }

            if (end >= 0)
            {
                if (HeaderLineAt(s, end, out var runEnd))
                {
                    return i;
                }

                // The rest of this run of breaks was just read; it cannot start a header line either.
                i = Math.Max(i, runEnd - 1);
            }
        }

        return -1;
    }

    // After more breaks and folding whitespace: a field name and ':'.
    private static bool HeaderLineAt(string s, int i, out int runEnd)
    {
        while (i < s.Length && (s[i] is '\r' or '\n' or ' ' or '\t' || (s[i] == '\\' && i + 1 < s.Length && s[i + 1] is 'r' or 'n' or 't')))
        {
            i += s[i] == '\\' ? 2 : 1;
        }

        runEnd = i;
        var start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '-'))
        {
            i++;
        }

        return i - start >= 2 && i < s.Length && s[i] == ':';
    }

    private static int EncodedBreak(string s)
    {
        // Every encoded form starts with '%' or is U+560A/U+560D (no other case of either): nothing to look for.
        if (s.AsSpan().IndexOfAny('%', '\u560a', '\u560d') < 0)
        {
            return -1;
        }

        var best = -1;
        foreach (var token in Encoded)
        {
            var at = s.IndexOf(token, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }

        // %250d, %25250a...: percent signs encoded again before the break. Each chain is read once.
        var i = s.IndexOf("%25", StringComparison.OrdinalIgnoreCase);
        while (i >= 0)
        {
            var k = i;
            while (k + 3 <= s.Length && s.AsSpan(k, 3).Equals("%25", StringComparison.OrdinalIgnoreCase))
            {
                k += 3;
            }

            var doubled = k + 2 <= s.Length && s[k] == '0' && (s[k + 1] | 0x20) is 'a' or 'd';
            // %25%30a: the '0' itself encoded.
            var zeroEncoded = k + 4 <= s.Length && s.AsSpan(k, 3).Equals("%30", StringComparison.OrdinalIgnoreCase) && (s[k + 3] | 0x20) is 'a' or 'd';
            if (doubled || zeroEncoded)
            {
                best = best < 0 ? i : Math.Min(best, i);
                break;
            }

            i = k < s.Length ? s.IndexOf("%25", k, StringComparison.OrdinalIgnoreCase) : -1;
        }

        return best;
    }
}
