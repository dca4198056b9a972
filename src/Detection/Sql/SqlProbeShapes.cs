using InfiniteSecurity.Detection.Normalisation;

namespace InfiniteSecurity.Detection.Sql;

/// <summary>
/// Error-fingerprinting probes: a value that is a SQL breakout token and nearly nothing else (a lone or escaped quote,
/// a quote and a comment, <c>= ;</c>, a quote glued to one word, <c>||'6</c>, <c>,@v</c>). Such a value is no
/// attack on its own but makes a vulnerable query fail with a database error, which is what scanners look for.
/// Prose does not look like this: an apostrophe sits between letters (O'Neil, it's) and quoted words are closed.
/// </summary>
internal static class SqlProbeShapes
{
    /// <summary>Longest value considered a probe; longer values carry more than a breakout token.</summary>
    private const int MaxLength = 24;

    private const int MaxWord = 20;

    public static void Check(DecodedView view, SqlShapeBuffer findings)
    {
        var s = view.Text.AsSpan();
        var lead = s.Length - s.TrimStart().Length;
        s = s.Trim();
        if (s.Length == 0 || s.Length > MaxLength)
        {
            return;
        }

        // %BF%27, %BF%5C%27: a lead byte of a multi-byte charset (GBK, Big5) swallows the application's escaping backslash.
        if (s.Length > 1 && s[0] is >= '\u0080' and <= '\u00FF' && s[1] is '\'' or '\\')
        {
            s = s[1..];
            lead++;
        }

        if (IsPunctuationProbe(s))
        {
            findings.Add(SqlRules.BreakoutProbe, view, lead, s.Length, null);
        }
        else if (IsQuotedWordProbe(s) || IsConcatProbe(s) || IsVariableListProbe(s))
        {
            findings.Add(SqlRules.BreakoutProbeWord, view, lead, s.Length, null);
        }
    }

    private static bool IsQuote(char c) => c is '\'' or '"' or '`';

    // Characters that only end a string, a statement or an expression: ') ; -- # /* = and the like.
    private static bool IsBreakoutPunctuation(char c) =>
        IsQuote(c) || c is '\\' or ')' or '(' or ';' or '#' or '-' or '=' or '|' or ',' or '+' or '<' or '>' or '%' or '&' or '*' or '/' or ' ' or '\t';

    // ', \', '', '--, '#, ")), "= '", "= ;", "= --", <>"'%;)(: at least one quote, or '=' with a terminator.
    private static bool IsPunctuationProbe(ReadOnlySpan<char> s)
    {
        var quotes = 0;
        foreach (var c in s)
        {
            if (!IsBreakoutPunctuation(c))
            {
                return false;
            }

            quotes += IsQuote(c) ? 1 : 0;
        }

        // "" is an empty string in JSON and structured headers (Sec-CH-UA-Model: ""), not a breakout.
        if (s.Length % 2 == 0 && s.IndexOfAnyExcept('"') < 0)
        {
            return false;
        }

        // A value of dashes, hashes or slashes alone is a placeholder; '=' must meet a terminator to be a probe.
        return quotes > 0 || (s[0] == '=' && (s.Contains(';') || s.Contains("--", StringComparison.Ordinal)));
    }

    // 'word, '+word, ' or, 'word--, word', word'# and 1': an unmatched quote at one edge of one identifier or number.
    private static bool IsQuotedWordProbe(ReadOnlySpan<char> s)
    {
        if (s[0] == '\'' || s[0] == '"')
        {
            var i = 1;
            while (i < s.Length && s[i] is ' ' or '+' or '|')
            {
                i++;
            }

            // 'em, 's, 'll are clipped words; ' or is a boolean left dangling.
            var word = WordLength(s[i..], letterFirst: true);
            var logic = word is 2 or 3 && (s.Slice(i, word).Equals("or", StringComparison.OrdinalIgnoreCase) || s.Slice(i, word).Equals("and", StringComparison.OrdinalIgnoreCase));
            return (word >= 3 || logic) && word <= MaxWord && PunctuationOnly(s[(i + word)..], allowQuote: false);
        }

        // 1' and 42') close a numeric value; a double quote after a number is inches (27"), so only ' counts there.
        var digits = s.IndexOfAnyExceptInRange('0', '9');
        if (digits is > 0 and <= 10 && s[digits] == '\'' && PunctuationOnly(s[(digits + 1)..], allowQuote: false))
        {
            return true;
        }

        var w = WordLength(s, letterFirst: true);
        return w >= 3 && w <= MaxWord && w < s.Length && s[w] is '\'' or '"' && PunctuationOnly(s[(w + 1)..], allowQuote: false);
    }

    // ||'6, (||6), ||6--: string concatenation with nothing to its left.
    private static bool IsConcatProbe(ReadOnlySpan<char> s)
    {
        var i = s[0] == '(' ? 1 : 0;
        if (!s[i..].StartsWith("||", StringComparison.Ordinal))
        {
            return false;
        }

        i += 2;
        while (i < s.Length && IsQuote(s[i]))
        {
            i++;
        }

        var word = WordLength(s[i..], letterFirst: false);
        return word is >= 1 and <= MaxWord && PunctuationOnly(s[(i + word)..], allowQuote: true);
    }

    // ,@v and (@v): a user variable appended to a list or call.
    private static bool IsVariableListProbe(ReadOnlySpan<char> s) =>
        s.Length >= 3 && s[0] is ',' or '(' && s[1] == '@' && WordLength(s[2..], letterFirst: true) is var w and >= 1 and <= MaxWord && PunctuationOnly(s[(2 + w)..], allowQuote: false);

    private static int WordLength(ReadOnlySpan<char> s, bool letterFirst)
    {
        if (s.Length == 0 || (letterFirst ? !char.IsAsciiLetter(s[0]) : !char.IsAsciiLetterOrDigit(s[0])))
        {
            return 0;
        }

        var k = 1;
        while (k < s.Length && (char.IsAsciiLetterOrDigit(s[k]) || s[k] == '_'))
        {
            k++;
        }

        return k;
    }

    private static bool PunctuationOnly(ReadOnlySpan<char> s, bool allowQuote)
    {
        foreach (var c in s)
        {
            if (!IsBreakoutPunctuation(c) || (!allowQuote && IsQuote(c)))
            {
                return false;
            }
        }

        return true;
    }
}
