namespace InfiniteSecurity.Detection;

/// <summary>Small span helpers shared by the hand-written scanners (all ordinal, ASCII case-insensitive).</summary>
internal static class Scanning
{
    public static bool At(ReadOnlySpan<char> s, int i, string word) =>
        i >= 0 && i + word.Length <= s.Length && s.Slice(i, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    public static bool IsIdentChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    public static int SkipSpaces(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] == '\0'))
        {
            i++;
        }

        return i;
    }

    /// <summary>True when <paramref name="word"/> occurs at <paramref name="i"/> as a whole identifier.</summary>
    public static bool WordAt(ReadOnlySpan<char> s, int i, string word) =>
        At(s, i, word) && (i == 0 || !IsIdentChar(s[i - 1])) && (i + word.Length >= s.Length || !IsIdentChar(s[i + word.Length]));

    /// <summary>Index of <paramref name="needle"/> (ASCII case-insensitive) from <paramref name="from"/>, or -1.</summary>
    public static int Find(ReadOnlySpan<char> s, string needle, int from = 0)
    {
        if (from >= s.Length)
        {
            return -1;
        }

        var k = s[from..].IndexOf(needle, StringComparison.OrdinalIgnoreCase);
        return k < 0 ? -1 : k + from;
    }
}
