using System.Text;

namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// Decodes backslash escapes of JavaScript, Python, PHP and shells: <c>\xNN</c>, <c>\uNNNN</c>, <c>\u{N..}</c>,
/// three-digit octal <c>\NNN</c>, and the control escapes <c>\n \r \t</c>. Literal escapes are how payloads travel
/// through JSON bodies and JS strings, and <c>\r\n</c> written out is a classic header-splitting probe. Also decodes
/// UTF-7 runs of punctuation (<c>+ADw-</c> is <c>&lt;</c>), which old IE honoured.
/// </summary>
internal static class EscapeDecoder
{
    public static string Decode(string s)
    {
        var span = s.AsSpan();
        if (span.IndexOf('\\') < 0 && span.IndexOf("+AD", StringComparison.Ordinal) < 0 && span.IndexOf("0x", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        var i = 0;
        var lastLiteral = -1;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '+' && TryUtf7(s, i, sb, out var used))
            {
                i += used;
                continue;
            }

            // "0x2e0x2e0x2f": characters written as hex literals. Only syntax characters are decoded, so SQL hex
            // strings (0x414243) and version numbers keep their meaning.
            if (c == '0' && i + 3 < s.Length && s[i + 1] is 'x' or 'X' && UrlDecoder.TryHex(s, i + 2, 2, out var lit) && IsSyntaxByte(lit)
                && (i + 4 >= s.Length || !char.IsAsciiHexDigit(s[i + 4]) || (i + 5 < s.Length && s[i + 4] == '0' && s[i + 5] is 'x' or 'X') || lastLiteral == i || (i > 0 && s[i - 1] is '.' or '/' or '\\')))
            {
                sb.Append((char)lit);
                i += 4;
                lastLiteral = i;
                continue;
            }

            if (c != '\\' || i + 1 >= s.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }

            var n = s[i + 1];
            if ((n is 'x' or 'X') && UrlDecoder.TryHex(s, i + 2, 2, out var x))
            {
                sb.Append((char)x);
                i += 4;
            }
            else if (n == 'u' && i + 2 < s.Length && s[i + 2] == '{')
            {
                var close = s.IndexOf('}', i + 3);
                if (close > i + 3 && close - i <= 10 && int.TryParse(s.AsSpan(i + 3, close - i - 3), System.Globalization.NumberStyles.HexNumber, null, out var cp) && cp is > 0 and < 0x110000 and (< 0xD800 or > 0xDFFF))
                {
                    sb.Append(char.ConvertFromUtf32(cp));
                    i = close + 1;
                }
                else
                {
                    sb.Append(c);
                    i++;
                }
            }
            else if ((n is 'u' or 'U') && UrlDecoder.TryHex(s, i + 2, 4, out var u))
            {
                sb.Append((char)u);
                i += 6;
            }
            else if (n is >= '0' and <= '3' && i + 3 < s.Length && s[i + 2] is >= '0' and <= '7' && s[i + 3] is >= '0' and <= '7')
            {
                sb.Append((char)(((n - '0') << 6) | ((s[i + 2] - '0') << 3) | (s[i + 3] - '0')));
                i += 4;
            }
            else if (n is 'n' or 'r' or 't')
            {
                sb.Append(n == 'n' ? '\n' : n == 'r' ? '\r' : '\t');
                i += 2;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }

    private static bool IsSyntaxByte(int b) => b is 0x00 or 0x0a or 0x0d or 0x22 or 0x27 or 0x2e or 0x2f or 0x3c or 0x3e or 0x5c or 0x25 or 0x3b or 0x7c or 0x60;

    // UTF-7: '+' base64 run '-'. Decoded only when every resulting char is ASCII punctuation, so ordinary text with
    // '+' (C++, "+ADD-ons") is left alone.
    private static bool TryUtf7(string s, int at, StringBuilder sb, out int used)
    {
        used = 0;
        var end = at + 1;
        while (end < s.Length && end - at < 40 && (char.IsAsciiLetterOrDigit(s[end]) || s[end] is '+' or '/'))
        {
            end++;
        }

        var len = end - at - 1;
        if (len < 3 || end >= s.Length || s[end] != '-')
        {
            return false;
        }

        var bits = 0;
        var nbits = 0;
        Span<char> outChars = stackalloc char[32];
        var count = 0;
        for (var k = at + 1; k < end; k++)
        {
            var ch = s[k];
            var v = ch switch
            {
                >= 'A' and <= 'Z' => ch - 'A',
                >= 'a' and <= 'z' => ch - 'a' + 26,
                >= '0' and <= '9' => ch - '0' + 52,
                '+' => 62,
                _ => 63,
            };
            bits = (bits << 6) | v;
            nbits += 6;
            if (nbits >= 16)
            {
                nbits -= 16;
                var decoded = (char)((bits >> nbits) & 0xFFFF);
                if (count >= outChars.Length || decoded > 0x7F || char.IsAsciiLetterOrDigit(decoded))
                {
                    return false;
                }

                outChars[count++] = decoded;
            }
        }

        if (count == 0)
        {
            return false;
        }

        sb.Append(outChars[..count]);
        used = end - at + 1;
        return true;
    }
}
