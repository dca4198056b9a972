using System.Globalization;
using System.Text;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>
/// Evasion mutations applied to known attacks. Each mutation lists the families for which it keeps the attack
/// valid (SQL keywords are case-insensitive, Unix commands are not; character references only matter where the sink decodes
/// HTML, ...). A mutation returns null when it does not apply to an input.
/// </summary>
public static class AttackMutations
{
    public sealed record Mutation(string Name, IReadOnlySet<string> Families, Func<string, Random, string?> Apply);

    public static IReadOnlyList<Mutation> All { get; } =
    [
        new("case swapping", Set("sql_injection", "xss"), (s, r) => SwapCase(s, r)),
        new("inline comments", Set("sql_injection"), (s, _) => s.Contains(' ', StringComparison.Ordinal) ? s.Replace(" ", "/**/", StringComparison.Ordinal) : null),
        new("whitespace alternatives", Set("sql_injection", "xss", "command_injection"), (s, r) => AlternateWhitespace(s, r)),
        new("double URL encoding", Set("sql_injection", "xss", "command_injection", "path_traversal", "ldap_injection", "open_redirect", "ssti", "crlf_injection", "xpath_injection"), (s, _) => DoubleUrlEncode(s)),
        new("HTML character references", Set("xss"), (s, _) => HtmlEntityEncode(s)),
        new("full-width Unicode", Set("sql_injection", "xss", "path_traversal"), (s, _) => FullWidth(s)),
        new("string concatenation", Set("xss", "command_injection", "sql_injection"), (s, _) => Concatenate(s)),
        new("equivalent operators", Set("sql_injection"), (s, _) => EquivalentOperators(s)),
    ];

    private static HashSet<string> Set(params string[] families) => new(families, StringComparer.Ordinal);

    private static string? SwapCase(string s, Random r)
    {
        var chars = s.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetter(chars[i]) && r.Next(2) == 0)
            {
                chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
                changed = true;
            }
        }

        return changed ? new string(chars) : null;
    }

    // SQL accepts any whitespace between tokens; HTML accepts tab/newline/form feed; shells accept tab and ${IFS}.
    private static string? AlternateWhitespace(string s, Random r)
    {
        if (!s.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            sb.Append(c == ' ' ? (r.Next(3) switch { 0 => "\t", 1 => "\n", _ => "\t\t" }) : c.ToString());
        }

        return sb.ToString();
    }

    private static string? DoubleUrlEncode(string s)
    {
        var sb = new StringBuilder(s.Length * 3);
        var changed = false;
        foreach (var c in s)
        {
            if (c < 128 && !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')
            {
                sb.Append("%25").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                changed = true;
            }
            else
            {
                sb.Append(c);
            }
        }

        return changed ? sb.ToString() : null;
    }

    // Entities inside attribute values decode before the browser interprets the URL or handler.
    private static string? HtmlEntityEncode(string s)
    {
        var sb = new StringBuilder(s.Length * 4);
        var inValue = false;
        var changed = false;
        char quote = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!inValue && c == '=' && i + 1 < s.Length)
            {
                inValue = true;
                quote = s[i + 1] is '"' or '\'' ? s[i + 1] : '\0';
                sb.Append(c);
                if (quote != '\0')
                {
                    sb.Append(quote);
                    i++;
                }

                continue;
            }

            if (inValue && ((quote != '\0' && c == quote) || (quote == '\0' && c is ' ' or '>')))
            {
                inValue = false;
                sb.Append(c);
                continue;
            }

            if (inValue && c is '(' or ')' or ':' or '\'' or '.' or '/')
            {
                sb.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
                changed = true;
            }
            else
            {
                sb.Append(c);
            }
        }

        return changed ? sb.ToString() : null;
    }

    private static string? FullWidth(string s)
    {
        var sb = new StringBuilder(s.Length);
        var changed = false;
        foreach (var c in s)
        {
            if (c is >= '!' and <= '~' && !char.IsAsciiDigit(c))
            {
                sb.Append((char)(c - '!' + '\uFF01'));
                changed = true;
            }
            else
            {
                sb.Append(c);
            }
        }

        return changed ? sb.ToString() : null;
    }

    // XSS: alert( -> window['al'+'ert'](; shell: split a command word with empty quotes; SQL: 'abc' -> 'a' 'bc'.
    private static string? Concatenate(string s)
    {
        var alert = s.IndexOf("alert(", StringComparison.OrdinalIgnoreCase);
        if (alert >= 0)
        {
            return string.Concat(s.AsSpan(0, alert), "window['al'+'ert'](", s.AsSpan(alert + 6));
        }

        foreach (var command in (string[])["cat ", "id", "whoami", "uname", "ls ", "ping ", "sleep ", "net ", "dir "])
        {
            var at = s.IndexOf(command, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || !char.IsAsciiLetter(s[at - 1])) && (at + command.Length >= s.Length || !char.IsAsciiLetter(s[at + command.Length])))
            {
                return string.Concat(s.AsSpan(0, at + 1), "''", s.AsSpan(at + 1));
            }
        }

        var open = s.IndexOf('\'');
        var close = open < 0 ? -1 : s.IndexOf('\'', open + 1);
        if (close - open >= 3 && s.Contains("select", StringComparison.OrdinalIgnoreCase))
        {
            return string.Concat(s.AsSpan(0, open + 2), "' '", s.AsSpan(open + 2));
        }

        return null;
    }

    private static string? EquivalentOperators(string s)
    {
        var m = s.Replace(" OR ", " || ", StringComparison.OrdinalIgnoreCase).Replace(" AND ", " && ", StringComparison.OrdinalIgnoreCase);
        return m == s ? null : m;
    }
}
