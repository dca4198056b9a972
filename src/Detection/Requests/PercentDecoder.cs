using System.Text;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// One level of percent-decoding, as a server does once before the application sees a value. A run of escapes that
/// is not valid UTF-8 (overlong forms, lone bytes) is left encoded, so the engine still sees the evasion and decodes
/// it itself; nothing is decoded twice.
/// </summary>
internal static class PercentDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(string s, bool plusAsSpace)
    {
        if (s.IndexOf('%', StringComparison.Ordinal) < 0 && (!plusAsSpace || s.IndexOf('+', StringComparison.Ordinal) < 0))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        var run = new List<byte>();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == '%' && IsHex(s, i + 1) && IsHex(s, i + 2))
            {
                var start = i;
                run.Clear();
                while (i + 2 < s.Length && s[i] == '%' && IsHex(s, i + 1) && IsHex(s, i + 2))
                {
                    run.Add((byte)(Hex(s[i + 1]) * 16 + Hex(s[i + 2])));
                    i += 3;
                }

                try
                {
                    sb.Append(Strict.GetString(run.ToArray()));
                }
                catch (DecoderFallbackException)
                {
                    sb.Append(s, start, i - start);
                }

                continue;
            }

            sb.Append(plusAsSpace && s[i] == '+' ? ' ' : s[i]);
            i++;
        }

        return sb.ToString();
    }

    private static bool IsHex(string s, int i) => i < s.Length && char.IsAsciiHexDigit(s[i]);

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
