using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// A sink or scheme name assembled from string pieces (<c>'ev'+'al'</c>, <c>/ale/.source+/rt/.source</c>,
/// <c>'java'.concat('script:')</c>): the literals are joined in order and the joined text is searched for names that the
/// input does not spell out whole.
/// </summary>
internal static class XssConcatenation
{
    private static readonly string[] AssembledNames = ["eval", "alert", "javascript", "location", "unescape", "iframe", "fromcharcode", "cookie", "constructor", "prompt", "confirm"];

    public static void Inspect(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        if (s.IndexOf('+') < 0 && s.IndexOf("||", StringComparison.Ordinal) < 0 && s.IndexOf(':') < 0)
        {
            return;
        }

        Span<char> joined = stackalloc char[256];
        var n = 0;
        var literals = 0;
        var lastEnd = -1;
        var joinedByPlus = false;
        for (var i = 0; i < s.Length && n < joined.Length; i++)
        {
            var c = s[i];
            if (c is not '\'' and not '"' && !(c == '/' && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1])))
            {
                continue;
            }

            var close = s[(i + 1)..].IndexOf(c);
            if (close < 0 || close > 40)
            {
                continue;
            }

            // Pieces belong to one expression only when code, not markup or prose, separates them.
            if (lastEnd >= 0 && !IsConcatenationGap(s[lastEnd..i]))
            {
                if (literals >= 2 && joinedByPlus && Report(view, s, joined[..n], f))
                {
                    return;
                }

                n = 0;
                literals = 0;
                joinedByPlus = false;
            }
            else if (lastEnd >= 0)
            {
                joinedByPlus |= JoinsStrings(s[lastEnd..i]);
            }

            n = Append(s.Slice(i + 1, close), joined, n);
            literals++;
            i += close + 1;
            lastEnd = i + 1;
        }

        // The pieces may be joined after the last literal: s1='jav';s2='ascript:';x=s1+s2
        if (literals >= 2 && (joinedByPlus || JoinsStrings(s[lastEnd..Math.Min(s.Length, lastEnd + 40)])))
        {
            Report(view, s, joined[..n], f);
        }
    }

    private static int Append(ReadOnlySpan<char> piece, Span<char> joined, int n)
    {
        foreach (var ch in piece)
        {
            if ((char.IsAsciiLetterOrDigit(ch) || ch is ':' or '.' or '(' or ')') && n < joined.Length)
            {
                joined[n++] = char.ToLowerInvariant(ch);
            }
        }

        return n;
    }

    private static bool Report(DecodedView view, ReadOnlySpan<char> s, ReadOnlySpan<char> text, FindingCollector f)
    {
        foreach (var name in AssembledNames)
        {
            if (text.IndexOf(name, StringComparison.Ordinal) >= 0 && s.IndexOf(name, StringComparison.OrdinalIgnoreCase) < 0)
            {
                f.Add(XssRules.ConcatenatedSink, view, 0, Math.Min(s.Length, 80), name);
                return true;
            }
        }

        return false;
    }

    // Pieces are joined by '+' or concat somewhere in the run ('ev' + 'al'; s1='jav'; s2='ascript'; x=s1+s2); a run
    // whose gaps are only commas and colons is JSON or an argument list, not one string.
    private static bool JoinsStrings(ReadOnlySpan<char> gap) =>
        gap.IndexOf('+') >= 0 || gap.IndexOf("concat", StringComparison.OrdinalIgnoreCase) >= 0;

    // Code punctuation, digits and short names (s1, a) separate pieces of one expression; a tag or a real word does not.
    private static bool IsConcatenationGap(ReadOnlySpan<char> gap)
    {
        if (gap.IndexOfAny('<', '>') >= 0)
        {
            return false;
        }

        var letters = 0;
        for (var k = 0; k < gap.Length; k++)
        {
            var ch = gap[k];
            if (ch == '.' && (Scanning.At(gap, k + 1, "source") || Scanning.At(gap, k + 1, "concat")))
            {
                k += 6; // the regex-literal accessor and concat() belong to the concatenation
                letters = 0;
                continue;
            }

            letters = char.IsAsciiLetter(ch) ? letters + 1 : 0;
            if (letters >= 4)
            {
                return false;
            }
        }

        return true;
    }
}
