using System.Text;

namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// Decodes HTML character references the way browsers do in attribute values: decimal and hex references with any
/// number of leading zeros and an optional semicolon, and the named references attackers use to hide syntax
/// (HTML5 adds <c>&amp;colon;</c>, <c>&amp;lpar;</c>, <c>&amp;Tab;</c> ...). Legacy names also match without ';'.
/// </summary>
internal static class HtmlEntityDecoder
{
    private static readonly Dictionary<string, char> Named = new(StringComparer.Ordinal)
    {
        ["lt"] = '<', ["gt"] = '>', ["amp"] = '&', ["quot"] = '"', ["apos"] = '\'', ["nbsp"] = '\u00A0',
        ["LT"] = '<', ["GT"] = '>', ["AMP"] = '&', ["QUOT"] = '"',
        ["colon"] = ':', ["Tab"] = '\t', ["NewLine"] = '\n', ["lpar"] = '(', ["rpar"] = ')', ["sol"] = '/',
        ["bsol"] = '\\', ["period"] = '.', ["equals"] = '=', ["semi"] = ';', ["excl"] = '!', ["num"] = '#',
        ["dollar"] = '$', ["percnt"] = '%', ["lsqb"] = '[', ["rsqb"] = ']', ["lbrack"] = '[', ["rbrack"] = ']',
        ["lcub"] = '{', ["rcub"] = '}', ["lbrace"] = '{', ["rbrace"] = '}', ["grave"] = '`', ["vert"] = '|',
        ["verbar"] = '|', ["ast"] = '*', ["plus"] = '+', ["comma"] = ',', ["hyphen"] = '-', ["dash"] = '-',
        ["quest"] = '?', ["commat"] = '@', ["lowbar"] = '_', ["Hat"] = '^', ["circ"] = '^',
    };

    // Names browsers accept without the trailing semicolon (the "legacy" subset that matters for syntax).
    private static readonly HashSet<string> LegacyWithoutSemicolon = new(StringComparer.Ordinal) { "lt", "gt", "amp", "quot", "LT", "GT", "AMP", "QUOT", "nbsp" };

    public static string Decode(string s)
    {
        var first = s.IndexOf('&', StringComparison.Ordinal);
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
            if (c != '&' || i + 2 >= s.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (s[i + 1] == '#')
            {
                var hex = s[i + 2] is 'x' or 'X';
                var j = i + (hex ? 3 : 2);
                var value = 0;
                var digits = 0;
                while (j < s.Length && (hex ? UrlDecoder.HexValue(s[j]) >= 0 : char.IsAsciiDigit(s[j])))
                {
                    if (value < 0x110000)
                    {
                        value = hex ? (value << 4) | UrlDecoder.HexValue(s[j]) : (value * 10) + (s[j] - '0');
                    }

                    digits++;
                    j++;
                }

                if (digits > 0 && value is > 0 and < 0x110000 and (< 0xD800 or > 0xDFFF))
                {
                    sb.Append(value < 0x10000 ? ((char)value).ToString() : char.ConvertFromUtf32(value));
                    i = j < s.Length && s[j] == ';' ? j + 1 : j;
                    continue;
                }

                sb.Append(c);
                i++;
                continue;
            }

            var end = i + 1;
            while (end < s.Length && end - i <= 10 && char.IsAsciiLetter(s[end]))
            {
                end++;
            }

            if (end > i + 1)
            {
                var name = s.Substring(i + 1, end - i - 1);
                var withSemicolon = end < s.Length && s[end] == ';';
                if (Named.TryGetValue(name, out var ch) && (withSemicolon || LegacyWithoutSemicolon.Contains(name)))
                {
                    sb.Append(ch);
                    i = withSemicolon ? end + 1 : end;
                    continue;
                }

                // "&ltscript": browsers match the longest legacy name that prefixes the run of letters.
                var matched = false;
                foreach (var legacy in LegacyWithoutSemicolon)
                {
                    if (name.Length > legacy.Length && name.StartsWith(legacy, StringComparison.Ordinal))
                    {
                        sb.Append(Named[legacy]);
                        i += 1 + legacy.Length;
                        matched = true;
                        break;
                    }
                }

                if (matched)
                {
                    continue;
                }
            }

            sb.Append(c);
            i++;
        }

        return sb.ToString();
    }
}
