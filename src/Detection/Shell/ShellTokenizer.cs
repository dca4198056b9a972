using System.Text;

namespace InfiniteSecurity.Detection.Shell;

/// <summary>
/// Reads shell words the way POSIX sh and cmd.exe do, which is what defeats quote-splitting obfuscation:
/// <c>w'h'o'am'i</c>, <c>c""at</c>, <c>c\at</c> and <c>who^ami</c> are all one word. <c>${IFS}</c>, <c>$IFS$9</c> and
/// <c>%20</c>-free tab/comma separators count as whitespace, as the shell's field splitting treats them.
/// </summary>
internal static class ShellTokenizer
{
    // Reused per thread: words are short and read often, so one builder avoids an allocation per word.
    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>Reads one word starting at <paramref name="i"/> (after optional blanks). Returns false at an operator or end.</summary>
    public static bool TryReadWord(ReadOnlySpan<char> s, ref int i, out ShellWord word)
    {
        i = SkipBlanks(s, i);
        word = default;
        if (i >= s.Length || IsOperatorChar(s[i]))
        {
            return false;
        }

        var sb = t_builder ??= new StringBuilder(32);
        sb.Clear();
        var start = i;
        while (i < s.Length && sb.Length < 256)
        {
            var c = s[i];
            if (IsBlank(c) || IsOperatorChar(c) || IfsAt(s, i) > 0)
            {
                break;
            }

            switch (c)
            {
                case '\'':
                    {
                        var close = s[(i + 1)..].IndexOf('\'');
                        if (close < 0)
                        {
                            sb.Append(s[(i + 1)..]);
                            i = s.Length;
                        }
                        else
                        {
                            sb.Append(s.Slice(i + 1, close));
                            i += close + 2;
                        }

                        continue;
                    }
                case '"':
                    {
                        var close = s[(i + 1)..].IndexOf('"');
                        if (close < 0)
                        {
                            sb.Append(s[(i + 1)..]);
                            i = s.Length;
                        }
                        else
                        {
                            sb.Append(s.Slice(i + 1, close));
                            i += close + 2;
                        }

                        continue;
                    }
                case '\\' when i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]) && sb.Length > 0 && !LooksLikeWindowsPath(sb):
                    i++; // c\at: a backslash before a letter is removed by sh
                    continue;
                case '^' when sb.Length > 0 && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]):
                    i++; // cmd.exe escape: who^ami
                    continue;
                default:
                    sb.Append(c);
                    i++;
                    continue;
            }
        }

        word = new ShellWord(sb.ToString(), start, i);
        return i > start;
    }

    public static int SkipBlanks(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length)
        {
            if (IsBlank(s[i]))
            {
                i++;
                continue;
            }

            var ifs = IfsAt(s, i);
            if (ifs > 0)
            {
                i += ifs;
                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>Length of an <c>${IFS}</c>/<c>$IFS</c>/<c>$IFS$9</c> separator at <paramref name="i"/>, else 0.</summary>
    public static int IfsAt(ReadOnlySpan<char> s, int i)
    {
        if (Scanning.At(s, i, "${IFS}"))
        {
            return 6;
        }

        if (Scanning.At(s, i, "$IFS"))
        {
            var k = i + 4;
            if (k + 1 < s.Length && s[k] == '$' && char.IsAsciiDigit(s[k + 1]))
            {
                k += 2;
            }

            return k - i;
        }

        return 0;
    }

    public static bool IsBlank(char c) => c is ' ' or '\t' or '\u00A0' or '\v' or '\f';

    public static bool IsOperatorChar(char c) => c is ';' or '|' or '&' or '\n' or '\r' or '`' or '(' or ')' or '<' or '>';

    private static bool LooksLikeWindowsPath(StringBuilder sb) => sb.Length >= 2 && sb[1] == ':';
}
