using System.Text;

namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// One round of percent-decoding as lenient servers do it: <c>%XX</c> bytes read as UTF-8 (overlong forms such as
/// <c>%c0%ae</c> accepted, because IIS and old Java did), <c>%uNNNN</c>, and <c>+</c> as space (form encoding).
/// Invalid sequences are kept as written. Linear in the input length.
/// </summary>
internal static class UrlDecoder
{
    /// <param name="s">Text to decode.</param>
    /// <param name="plusAsSpace">Form encoding: only a '+' the client typed means space, not one decoded from %2B.</param>
    public static string DecodeOnce(string s, bool plusAsSpace = true)
    {
        var first = plusAsSpace ? s.AsSpan().IndexOfAny('%', '+') : s.AsSpan().IndexOf('%');
        if (first < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, first);
        var i = first;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '+' && plusAsSpace)
            {
                sb.Append(' ');
                i++;
                continue;
            }

            if (c != '%')
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (i + 1 < s.Length && (s[i + 1] == 'u' || s[i + 1] == 'U') && TryHex(s, i + 2, 4, out var u))
            {
                sb.Append((char)u);
                i += 6;
                continue;
            }

            if (!TryHex(s, i + 1, 2, out var b0))
            {
                sb.Append(c);
                i++;
                continue;
            }

            // Multi-byte UTF-8 (including overlong encodings) spread over consecutive %XX escapes.
            var need = b0 >= 0xF0 && b0 <= 0xF7 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : 0;
            if (need > 0 && TryContinuation(s, i + 3, need, out var cp))
            {
                cp |= (b0 & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)) << (6 * need);
                AppendCodePoint(sb, cp);
                i += 3 * (need + 1);
                continue;
            }

            // IIS-style lenient overlong: %c0%2e and %c0%5c (lead byte C0/C1 before an ASCII byte) decode to that byte.
            if (b0 is 0xC0 or 0xC1 && i + 5 < s.Length && s[i + 3] == '%' && TryHex(s, i + 4, 2, out var ascii) && ascii < 0x80)
            {
                sb.Append((char)ascii);
                i += 6;
                continue;
            }

            sb.Append((char)b0);
            i += 3;
        }

        return sb.ToString();
    }

    private static bool TryContinuation(string s, int at, int need, out int bits)
    {
        bits = 0;
        for (var k = 0; k < need; k++)
        {
            var p = at + (3 * k);
            if (p + 2 >= s.Length || s[p] != '%' || !TryHex(s, p + 1, 2, out var b) || (b & 0xC0) != 0x80)
            {
                return false;
            }

            bits = (bits << 6) | (b & 0x3F);
        }

        return true;
    }

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp is >= 0 and < 0x110000 and (< 0xD800 or > 0xDFFF))
        {
            if (cp < 0x10000)
            {
                sb.Append((char)cp);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }
        else
        {
            sb.Append('\uFFFD');
        }
    }

    internal static bool TryHex(string s, int at, int count, out int value)
    {
        value = 0;
        if (at + count > s.Length)
        {
            return false;
        }

        for (var k = 0; k < count; k++)
        {
            var d = HexValue(s[at + k]);
            if (d < 0)
            {
                return false;
            }

            value = (value << 4) | d;
        }

        return true;
    }

    internal static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
