using System.Text;

namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// The canonical view: lower case, every whitespace variant (tabs, vertical tab, NBSP, the U+2000 block, SQL inline
/// comments <c>/**/</c>) reduced to one space, and MySQL executable comments <c>/*!50000 ...*/</c> unwrapped, since
/// MySQL runs their content. Keyword-level rules match here so that <c>UN/**/ION</c> and <c>uNiOn</c> look the same.
/// </summary>
internal static class Canonicaliser
{
    public static string Canonicalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        var lastSpace = false;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var close = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var end = close < 0 ? s.Length : close;
                if (i + 2 < s.Length && s[i + 2] == '!')
                {
                    // Executable comment: keep the body without its version number.
                    var j = i + 3;
                    while (j < end && char.IsAsciiDigit(s[j]))
                    {
                        j++;
                    }

                    AppendSpace(sb, ref lastSpace);
                    for (; j < end; j++)
                    {
                        AppendChar(sb, s[j], ref lastSpace);
                    }
                }

                // An inline comment joins tokens in some engines (UN/**/ION) and separates them in others; the
                // separated reading is the one that forms keywords attackers rely on, and the joined reading is
                // covered by the SQL lexer on the decoded view.
                AppendSpace(sb, ref lastSpace);
                i = close < 0 ? s.Length : close + 2;
                continue;
            }

            AppendChar(sb, c, ref lastSpace);
            i++;
        }

        return sb.ToString().Trim();
    }

    private static void AppendChar(StringBuilder sb, char c, ref bool lastSpace)
    {
        if (IsSpaceVariant(c))
        {
            AppendSpace(sb, ref lastSpace);
            return;
        }

        sb.Append(char.ToLowerInvariant(c));
        lastSpace = false;
    }

    private static void AppendSpace(StringBuilder sb, ref bool lastSpace)
    {
        if (!lastSpace)
        {
            sb.Append(' ');
            lastSpace = true;
        }
    }

    public static bool IsSpaceVariant(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\u180E' or '\uFEFF'
        || c is >= '\u2000' and <= '\u200B';
}
