using System.Text;

namespace InfiniteSecurity.Detection.Shell;

/// <summary>Bash ANSI-C quoting (<c>$'\x63\141t'</c>): decodes the escapes the way bash does, in one pass.</summary>
internal static class AnsiC
{
    /// <summary>Appends the decoded body starting at <paramref name="i"/> (just after <c>$'</c>); returns the index after the closing quote.</summary>
    public static int Decode(ReadOnlySpan<char> s, int i, StringBuilder sb)
    {
        while (i < s.Length && s[i] != '\'')
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i++]);
                continue;
            }

            var e = s[i + 1];
            if (e is 'x' or 'X' && TryHex(s, i + 2, out var value, out var used))
            {
                sb.Append((char)value);
                i += 2 + used;
            }
            else if (e is >= '0' and <= '7')
            {
                var (octal, digits) = ReadOctal(s, i + 1);
                sb.Append((char)octal);
                i += 1 + digits;
            }
            else
            {
                sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => e });
                i += 2;
            }
        }

        return Math.Min(s.Length, i + 1);
    }

    /// <summary>True when <c>$'</c> at <paramref name="i"/> holds at least two hex or octal escapes.</summary>
    public static bool HasNumericEscapes(ReadOnlySpan<char> s, int i)
    {
        var escapes = 0;
        for (var k = i + 2; k + 1 < s.Length && s[k] != '\'' && k < i + 200; k++)
        {
            if (s[k] == '\\' && (s[k + 1] is 'x' or 'X' || char.IsAsciiDigit(s[k + 1])))
            {
                escapes++;
                k++;
            }
        }

        return escapes >= 2;
    }

    private static bool TryHex(ReadOnlySpan<char> s, int i, out int value, out int used)
    {
        value = 0;
        used = 0;
        while (used < 2 && i + used < s.Length && char.IsAsciiHexDigit(s[i + used]))
        {
            var h = s[i + used];
            value = (value * 16) + (char.IsAsciiDigit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
            used++;
        }

        return used > 0;
    }

    private static (int Value, int Digits) ReadOctal(ReadOnlySpan<char> s, int i)
    {
        var value = 0;
        var digits = 0;
        while (digits < 3 && i + digits < s.Length && s[i + digits] is >= '0' and <= '7')
        {
            value = (value * 8) + (s[i + digits] - '0');
            digits++;
        }

        return (value, digits);
    }
}
