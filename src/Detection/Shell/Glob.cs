namespace InfiniteSecurity.Detection.Shell;

/// <summary>Shell wildcard matching (<c>?</c>, <c>*</c>, <c>[abc]</c>) with the classic single-star restart: O(n·m) on short words.</summary>
internal static class Glob
{
    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && StepOne(pattern, ref p, text[t]))
            {
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    // Matches one pattern element against c, advancing p past it on success.
    private static bool StepOne(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        var e = pattern[p];
        if (e == '[')
        {
            var close = pattern[(p + 1)..].IndexOf(']');
            if (close > 0)
            {
                var set = pattern.Slice(p + 1, close);
                var hit = set.Contains(char.ToLowerInvariant(c)) || set.Contains(char.ToUpperInvariant(c));
                p += close + 2;
                return hit;
            }
        }

        var ok = e == '?' || char.ToLowerInvariant(e) == char.ToLowerInvariant(c);
        p += ok ? 1 : 0;
        return ok;
    }
}
