using System.Text;

namespace InfiniteSecurity.Detection.Shell;

/// <summary>
/// Reads shell words the way POSIX sh and cmd.exe do, which is what defeats quote-splitting obfuscation:
/// <c>w'h'o'am'i</c>, <c>c""at</c>, <c>c\at</c>, <c>who^ami</c>, <c>who$@ami</c>, <c>wh$()oami</c> and <c>who``ami</c>
/// are all one word, and <c>$'\x63at'</c> is <c>cat</c>. <c>${IFS}</c>, <c>$IFS</c> and <c>$IFS$9</c> count as
/// whitespace, as the shell's field splitting treats them. Every loop advances, so reading is linear.
/// </summary>
internal static class ShellTokenizer
{
    private const int MaxWord = 256;

    // Reused per thread: words are short and read often, so one builder avoids an allocation per word.
    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>Reads one word starting at <paramref name="i"/> (after optional blanks). Returns false at an operator or end.</summary>
    public static bool TryReadWord(ReadOnlySpan<char> s, ref int i, out ShellWord word)
    {
        i = SkipBlanks(s, i);
        word = default;
        if (i >= s.Length || (IsOperatorChar(s[i]) && EmptyInsertionAt(s, i) == 0))
        {
            return false;
        }

        var sb = t_builder ??= new StringBuilder(32);
        sb.Clear();
        var start = i;
        var shape = ShellWordShape.None;
        while (i < s.Length && sb.Length < MaxWord && !IsBlank(s[i]) && IfsAt(s, i) == 0)
        {
            var empty = EmptyInsertionAt(s, i);
            if (empty > 0 && !(i == start && s[i] == '$' && char.IsAsciiDigit(s[i + 1])))
            {
                shape |= ShellWordShape.Inserted;
                i += empty;
                continue;
            }

            if ((IsOperatorChar(s[i]) && empty == 0) || !ReadPart(s, ref i, sb, ref shape))
            {
                break;
            }
        }

        if (i == start)
        {
            return false;
        }

        word = new ShellWord(sb.ToString(), start, i, shape);
        return true;
    }

    // One character or quoted run of a word; false when the word ends here.
    private static bool ReadPart(ReadOnlySpan<char> s, ref int i, StringBuilder sb, ref ShellWordShape shape)
    {
        var c = s[i];
        switch (c)
        {
            case '\'' or '"':
                var before = sb.Length;
                i = ReadQuoted(s, i, sb);
                shape |= ShellWordShape.Quoted;
                if (before > 0 || (i < s.Length && !IsBlank(s[i]) && !IsOperatorChar(s[i])))
                {
                    shape |= ShellWordShape.Inserted;
                }

                return true;
            case '$' when i + 1 < s.Length && s[i + 1] == '\'':
                i = AnsiC.Decode(s, i + 2, sb);
                shape |= ShellWordShape.AnsiC;
                return true;
            case '$' when sb.Length > 0 && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]):
                // cat$u: an unset variable expands to nothing in the middle of a word.
                i++;
                while (i < s.Length && Scanning.IsIdentChar(s[i]))
                {
                    i++;
                }

                shape |= ShellWordShape.Inserted;
                return true;
            case '\\' when i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]) && sb.Length > 0 && !LooksLikeWindowsPath(sb):
            case '^' when sb.Length > 0 && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]):
                shape |= ShellWordShape.Inserted; // c\at (sh removes the backslash), who^ami (cmd.exe escape)
                i++;
                return true;
            case '?' or '*':
                shape |= ShellWordShape.Glob;
                break;
            case '[' when s[(i + 1)..].IndexOf(']') is > 0 and < 8:
                shape |= ShellWordShape.Glob;
                break;
        }

        sb.Append(c);
        i++;
        return true;
    }

    private static int ReadQuoted(ReadOnlySpan<char> s, int i, StringBuilder sb)
    {
        var close = s[(i + 1)..].IndexOf(s[i]);
        if (close < 0)
        {
            sb.Append(s[(i + 1)..]);
            return s.Length;
        }

        sb.Append(s.Slice(i + 1, close));
        return i + close + 2;
    }

    /// <summary>
    /// Length of something the shell expands to nothing inside a word: <c>''</c> <c>""</c> <c>$@</c> <c>$*</c>
    /// <c>$9</c> <c>$()</c> <c>``</c> <c>${}</c>, else 0.
    /// </summary>
    public static int EmptyInsertionAt(ReadOnlySpan<char> s, int i)
    {
        if (i + 1 >= s.Length)
        {
            return 0;
        }

        var (a, b) = (s[i], s[i + 1]);
        if ((a == '\'' && b == '\'') || (a == '"' && b == '"') || (a == '`' && b == '`'))
        {
            return 2;
        }

        if (a != '$')
        {
            return 0;
        }

        if (b is '@' or '*' || char.IsAsciiDigit(b))
        {
            return 2;
        }

        return i + 2 < s.Length && ((b == '(' && s[i + 2] == ')') || (b == '{' && s[i + 2] == '}')) ? 3 : 0;
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
            if (ifs == 0)
            {
                break;
            }

            i += ifs;
        }

        return i;
    }

    /// <summary>Length of an <c>${IFS}</c>/<c>$IFS</c>/<c>$IFS$9</c> separator at <paramref name="i"/>, else 0.</summary>
    public static int IfsAt(ReadOnlySpan<char> s, int i)
    {
        if (i >= s.Length || s[i] != '$')
        {
            return 0;
        }

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

    public static bool IsSeparator(char c) => c is ';' or '|' or '&' or '\n' or '\r';

    private static bool LooksLikeWindowsPath(StringBuilder sb) => (sb.Length >= 2 && sb[1] == ':') || (sb.Length > 0 && sb[0] == '%');
}
