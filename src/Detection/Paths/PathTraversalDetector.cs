using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Paths;

/// <summary>
/// Path traversal and local file inclusion. Works on path segments rather than literal strings: a run of
/// parent-directory segments (<c>..</c> with either separator, with NUL or <c>;</c> padding, or <c>....//</c> which
/// survives a single strip of <c>../</c>) that climbs, absolute paths to sensitive files, stream wrappers
/// (<c>file://</c>, <c>php://filter</c>) and NUL truncation of an appended extension.
/// </summary>
internal sealed class PathTraversalDetector : IThreatDetector
{
    private const string Cat = ThreatCategory.PathTraversal;

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        foreach (var view in input.Views)
        {
            InspectView(view, input.ContainedNul, findings);
            if (findings.Best(Cat) >= 0.95)
            {
                return;
            }
        }
    }

    private static void InspectView(DecodedView view, bool nul, FindingCollector f)
    {
        // Windows accepts both separators; matching on one spelling keeps the tables single.
        var s = view.Text.Contains('\\', StringComparison.Ordinal) ? view.Text.Replace('\\', '/').AsSpan() : view.Text.AsSpan();
        var wholeInputIsPath = s.Length > 0 && (s[0] == '/' || (s.Length > 2 && char.IsAsciiLetter(s[0]) && s[1] == ':' && s[2] == '/'));
        var firstDots = s.IndexOf("..", StringComparison.Ordinal);
        if (firstDots >= 0)
        {
            var (count, start, end) = LongestClimb(s, firstDots);
            if (count > 0)
            {
                var target = end < s.Length ? s[end..] : ReadOnlySpan<char>.Empty;
                var sensitive = SensitiveIndex(target) >= 0;
                var c = count >= 3 ? 0.9 : count == 2 ? 0.85 : 0.6;
                if (sensitive)
                {
                    c = Math.Max(c, 0.93);
                }

                if (count == 1 && !sensitive && !nul && !(start == 0 || s[start - 1] is '=' or '/'))
                {
                    // One "../" is common in docs and relative links; it needs a sensitive target to count.
                    c = 0.45;
                }

                if (nul)
                {
                    c = Math.Min(0.97, c + 0.04);
                }

                f.Add(Cat, "path.dot_dot_climb", c, view, start, Math.Min(s.Length, end + 24) - start, $"{count} parent-directory segment(s) escape the intended folder");
            }
        }

        // Absolute path to a sensitive file, anchored where a path value would start.
        for (var at = SensitivePaths.Matcher.Next(s, 0, out var p); at >= 0; at = SensitivePaths.Matcher.Next(s, at + 1, out p))
        {

            var boundary = p[^1] == '/' || at + p.Length >= s.Length || !char.IsAsciiLetterOrDigit(s[at + p.Length]);
            var afterSlash = at > 0 && s[at - 1] == '/';

            // Anchored at the start of the input, the path must run to the end of the value ("/etc/hosts",
            // "\\Program Files\\...\\error.log"), not be followed by prose ("/etc/hosts (Closes: #1)" in a
            // changelog); a parameter value (=/etc/passwd) always counts.
            var wholeValue = s[at..].IndexOfAny(' ', '\t') < 0;
            var anchored = boundary && (s[at - (at > 0 ? 1 : 0)] == '=' && at > 0
                || (at == 0 && wholeValue)
                || (afterSlash && ((IsValueStart(s, at - 1) && (wholeValue || !StartsInput(s, at - 1))) || ((wholeInputIsPath || p[0] == '.') && wholeValue))));
            if (!anchored)
            {
                continue;
            }

            f.Add(Cat, "path.sensitive_file", nul ? 0.85 : 0.78, view, at - 1, Math.Min(s.Length - at + 1, p.Length + 24), "absolute path to a sensitive system file");
            break;
        }

        // Windows drive paths into the OS folders.
        var drive = Scanning.Find(s, ":\\");
        if (drive < 0)
        {
            drive = Scanning.Find(s, ":/");
        }

        if (drive > 0 && char.IsAsciiLetter(s[drive - 1]) && (drive == 1 || !char.IsAsciiLetter(s[drive - 2])))
        {
            var rest = s[(drive + 2)..];
            if (SensitiveIndex(rest) == 0 || SensitiveIndex(rest) > 0 && SensitiveIndex(rest) < 40)
            {
                f.Add(Cat, "path.sensitive_file", 0.8, view, drive - 1, Math.Min(s.Length - drive + 1, 40), "drive path into Windows system files");
            }
        }

        for (var at = WrapperMatcher.Next(s, 0, out var wrapper); at >= 0; at = WrapperMatcher.Next(s, at + 1, out wrapper))
        {
            if (at == 0 || !char.IsAsciiLetter(s[at - 1]))
            {
                var strong = wrapper is "php://filter" or "php://input" or "phar://" or "zip://" or "expect://" or "file:///" or "file://c:" or "php://fd";
                f.Add(Cat, "path.stream_wrapper", strong ? 0.88 : 0.7, view, at, Math.Min(s.Length - at, wrapper.Length + 30), "stream wrapper reads local files");
                break;
            }
        }
    }

    private static readonly MultiPattern WrapperMatcher = new("file:///", "file://c:", "file://localhost/", "php://filter", "php://input", "php://fd", "phar://", "zip://", "expect://", "compress.zlib://", "glob://", "file://");

    /// <summary>
    /// Longest run of "..[sep]" segments from <paramref name="from"/>. Separators are '/', '\', and a dot run may be
    /// padded with the characters lenient servers drop (';', NUL already removed in decoded views).
    /// </summary>
    private static (int Count, int Start, int End) LongestClimb(ReadOnlySpan<char> s, int from)
    {
        var best = (0, 0, 0);
        var i = from;
        var guard = 0;
        while (i >= 0 && i < s.Length && guard++ < 10_000)
        {
            var start = i;
            var count = 0;
            var k = i;
            while (k + 1 < s.Length && s[k] == '.' && s[k + 1] == '.')
            {
                var dotsEnd = k;
                while (dotsEnd < s.Length && s[dotsEnd] == '.')
                {
                    dotsEnd++;
                }

                if (dotsEnd - k == 3)
                {
                    break; // an ellipsis, not a parent directory (".." or the strip-surviving "....")
                }

                var sep = dotsEnd;
                while (sep < s.Length && s[sep] == ';')
                {
                    sep++;
                }

                if (sep < s.Length && s[sep] is '/' or '\\')
                {
                    count++;
                    k = sep;
                    while (k < s.Length && (s[k] is '/' or '\\' || (s[k] == '.' && k + 1 < s.Length && s[k + 1] is '/' or '\\')))
                    {
                        k++;
                    }
                }
                else if (sep >= s.Length && count > 0)
                {
                    count++;
                    k = sep;
                    break;
                }
                else
                {
                    break;
                }
            }

            if (count > best.Item1)
            {
                best = (count, start, k);
            }

            var next = i + 2 < s.Length ? s[(Math.Max(k, i + 2))..].IndexOf("..", StringComparison.Ordinal) : -1;
            i = next < 0 ? -1 : Math.Max(k, i + 2) + next;
        }

        return best;
    }

    private static int SensitiveIndex(ReadOnlySpan<char> target) => SensitivePaths.Matcher.Next(target, 0, out _);

    private static bool StartsInput(ReadOnlySpan<char> s, int slash)
    {
        var k = slash;
        while (k >= 0 && s[k] is '/' or '.')
        {
            k--;
        }

        return k < 0;
    }

    // The sensitive path is the whole value: at input start, after '=', ':', a quote, a wrapper, or after spaces at start.
    private static bool IsValueStart(ReadOnlySpan<char> s, int slash)
    {
        var k = slash - 1;
        while (k >= 0 && (s[k] is '/' or '\\' || (s[k] == '.' && k > 0 && s[k - 1] is '/' or '\\' or '.')))
        {
            k--;
        }

        if (k < 0)
        {
            return true;
        }

        if (s[k] is '=' or '\'' or '"' or ':' or '>' or '<' or ';' or '|' or '&' or '(' or ',' or '`' or '.' or '+')
        {
            return true;
        }

        if (s[k] == ' ')
        {
            var before = s[..k].Trim();
            return before.Length == 0 || before.EndsWith("cat", StringComparison.OrdinalIgnoreCase) || before[^1] is '=' or ':' or '|' or ';' or '&' or '<' or '>';
        }

        return false;
    }
}
