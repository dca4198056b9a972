namespace InfiniteSecurity.Detection.Sql;

/// <summary>
/// A forgiving SQL lexer covering the union of MySQL, PostgreSQL, MSSQL, Oracle and SQLite surface syntax. It lexes
/// the input as if it had been pasted into a query in a given quote context: for a quoted context the lexer first
/// consumes the string the application opened and reports where the input broke out of it (if it did). That is the
/// core idea behind libinjection: an attack is input that, in some context, turns into SQL syntax.
/// </summary>
internal static class SqlLexer
{
    public const int MaxTokens = 4096;

    /// <summary>Lexes <paramref name="s"/> in <paramref name="context"/>. Returns false when the input never leaves the quoted string.</summary>
    public static bool TryLex(ReadOnlySpan<char> s, SqlQuoteContext context, List<SqlToken> tokens, out int breakout, bool backslashEscapes = true)
    {
        tokens.Clear();
        breakout = 0;
        var i = 0;
        if (context != SqlQuoteContext.Unquoted)
        {
            var q = context switch { SqlQuoteContext.SingleQuoted => '\'', SqlQuoteContext.DoubleQuoted => '"', _ => '`' };
            var end = FindStringEnd(s, 0, q, backslashEscapes);
            if (end < 0)
            {
                return false;
            }

            breakout = end;
            i = end + 1;
        }

        while (i < s.Length && tokens.Count < MaxTokens)
        {
            var c = s[i];
            // MSSQL and MySQL take control characters (%01-%1F) and NBSP as blanks between tokens.
            i = char.IsWhiteSpace(c) || c < ' ' || c == '\u00A0' ? i + 1 : LexToken(s, i, tokens);
        }

        // The application's own closing quote follows the input, so a string left open at the very end is closed by it.
        if (tokens.Count > 0 && tokens[^1] is { Kind: SqlTokenKind.String, Closed: false } last)
        {
            tokens[^1] = last with { Closed = true };
        }

        return true;
    }

    // Lexes the token starting at i (not whitespace) and returns the index after it.
    private static int LexToken(ReadOnlySpan<char> s, int i, List<SqlToken> tokens)
    {
        var c = s[i];
        switch (c)
        {
            case '\'' or '"' or '`':
                return LexQuoted(s, i, tokens);
            case '(':
                return Single(SqlTokenKind.LeftParen, i, tokens);
            case ')':
                return Single(SqlTokenKind.RightParen, i, tokens);
            case ',':
                return Single(SqlTokenKind.Comma, i, tokens);
            case ';':
                return Single(SqlTokenKind.Semicolon, i, tokens);
            case '#':
            case '-' when i + 1 < s.Length && s[i + 1] == '-':
                return LexLineComment(s, i, tokens);
            case '/' when i + 1 < s.Length && s[i + 1] == '*':
                return LexBlockComment(s, i, tokens);
            case '*' when i + 1 < s.Length && s[i + 1] == '/':
                return i + 2; // tail of an executable comment
            case '@':
                return LexVariable(s, i, tokens);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
        {
            return LexNumber(s, i, tokens);
        }

        if (char.IsLetter(c) || c is '_' or '$' or '[')
        {
            return LexWord(s, i, tokens);
        }

        return LexOperator(s, i, tokens);
    }

    private static int Single(SqlTokenKind kind, int i, List<SqlToken> tokens)
    {
        tokens.Add(new SqlToken(kind, i, 1));
        return i + 1;
    }

    private static int LexQuoted(ReadOnlySpan<char> s, int i, List<SqlToken> tokens)
    {
        var c = s[i];
        var end = FindStringEnd(s, i + 1, c);
        var closed = end >= 0;
        var next = closed ? end + 1 : s.Length;
        tokens.Add(new SqlToken(c == '`' ? SqlTokenKind.Word : SqlTokenKind.String, i, next - i, closed));
        return next;
    }

    // -- and # run to the end of the line: 1--x<LF>AND 1=1 still reaches the database as 1 AND 1=1. A comment
    // that ends the input truncates the application's query and is a token.
    private static int LexLineComment(ReadOnlySpan<char> s, int i, List<SqlToken> tokens)
    {
        // Only in short values: a long text with a "-- " line in it is prose or code, not a payload.
        var newline = s[i..].IndexOfAny('\n', '\r');
        if (newline is >= 0 and <= 40 && s.Length <= 400 && s[(i + newline + 1)..].IndexOfAnyExcept(" \t\r\n") >= 0)
        {
            return i + newline + 1;
        }

        tokens.Add(new SqlToken(SqlTokenKind.Comment, i, s.Length - i));
        return s.Length;
    }

    private static int LexBlockComment(ReadOnlySpan<char> s, int i, List<SqlToken> tokens)
    {
        if (i + 2 < s.Length && s[i + 2] == '!')
        {
            // MySQL executes /*!...*/ content: lex the body as code.
            var k = i + 3;
            while (k < s.Length && char.IsAsciiDigit(s[k]))
            {
                k++;
            }

            tokens.Add(new SqlToken(SqlTokenKind.Comment, i, k - i, Closed: false));
            return k;
        }

        // A closed inline comment is whitespace to SQL; an unclosed one truncates the query.
        var close = s[(i + 2)..].IndexOf("*/", StringComparison.Ordinal);
        if (close < 0)
        {
            tokens.Add(new SqlToken(SqlTokenKind.Comment, i, s.Length - i));
            return s.Length;
        }

        return i + 2 + close + 2;
    }

    private static int LexVariable(ReadOnlySpan<char> s, int i, List<SqlToken> tokens)
    {
        var k = i + 1;
        if (k < s.Length && s[k] == '@')
        {
            k++;
        }

        while (k < s.Length && (Scanning.IsIdentChar(s[k]) || s[k] is '$' or '.'))
        {
            k++;
        }

        tokens.Add(new SqlToken(k > i + 1 ? SqlTokenKind.Variable : SqlTokenKind.Other, i, k - i));
        return k;
    }

    // 12, 1.5, 1e0, 0x7e, 0b01. A keyword glued to the number (1or 1=1, 1e0union) is split off as SQL lexers do;
    // other letters stay part of the token (2nd, 64bit, 3d).
    private static int LexNumber(ReadOnlySpan<char> s, int i, List<SqlToken> tokens)
    {
        var k = i + 1;
        if (s[i] == '0' && k < s.Length && s[k] is 'x' or 'X' or 'b' or 'B')
        {
            k++;
        }

        var numeric = k;
        while (numeric < s.Length && (char.IsAsciiDigit(s[numeric]) || s[numeric] == '.' || (k > i + 1 && char.IsAsciiHexDigit(s[numeric]))))
        {
            numeric++;
        }

        if (numeric + 1 < s.Length && k == i + 1 && s[numeric] is 'e' or 'E' && char.IsAsciiDigit(s[numeric + 1]))
        {
            numeric += 2;
            while (numeric < s.Length && char.IsAsciiDigit(s[numeric]))
            {
                numeric++;
            }
        }

        var end = numeric;
        while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end]) || s[end] == '.'))
        {
            end++;
        }

        if (end > numeric && IsGluedKeyword(s[numeric..end]))
        {
            end = numeric;
        }
        else if (end > numeric + 1 && s[numeric] is 'e' or 'E' or 'd' or 'D' or 'f' or 'F' && IsGluedKeyword(s[(numeric + 1)..end]))
        {
            // 0eUNION, 1DUNION: an empty exponent or Oracle's double/float suffix, then the keyword.
            end = numeric + 1;
        }

        tokens.Add(new SqlToken(SqlTokenKind.Number, i, end - i));
        return end;
    }

    private static bool IsGluedKeyword(ReadOnlySpan<char> w) =>
        IsLogicWord(w) || w.Equals("union", StringComparison.OrdinalIgnoreCase) || w.Equals("from", StringComparison.OrdinalIgnoreCase)
        || w.Equals("like", StringComparison.OrdinalIgnoreCase) || w.Equals("div", StringComparison.OrdinalIgnoreCase)
        || w.Equals("order", StringComparison.OrdinalIgnoreCase) || w.Equals("select", StringComparison.OrdinalIgnoreCase)
        || w.Equals("limit", StringComparison.OrdinalIgnoreCase) || w.Equals("having", StringComparison.OrdinalIgnoreCase);

    private static int LexWord(ReadOnlySpan<char> s, int i, List<SqlToken> tokens)
    {
        var k = i;
        if (s[i] == '[')
        {
            var close = s[i..].IndexOf(']');
            if (close < 0 || close > 128)
            {
                return Single(SqlTokenKind.Other, i, tokens);
            }

            k = i + close + 1;
        }
        else
        {
            while (k < s.Length && (char.IsLetterOrDigit(s[k]) || s[k] is '_' or '$' or '.'))
            {
                k++;
            }
        }

        var kind = IsLogicWord(s.Slice(i, k - i)) ? SqlTokenKind.Logic : SqlTokenKind.Word;
        tokens.Add(new SqlToken(kind, i, k - i));
        return k;
    }

    private static int LexOperator(ReadOnlySpan<char> s, int i, List<SqlToken> tokens)
    {
        var c = s[i];
        if (c is '|' or '&' && i + 1 < s.Length && s[i + 1] == c)
        {
            tokens.Add(new SqlToken(SqlTokenKind.Logic, i, 2));
            return i + 2;
        }

        if (c is '=' or '<' or '>' or '!' or '+' or '-' or '*' or '/' or '%' or '^' or '~' or '|' or '&' or ':')
        {
            var k = i + 1;
            while (k < s.Length && k - i < 3 && s[k] is '=' or '<' or '>')
            {
                k++;
            }

            tokens.Add(new SqlToken(SqlTokenKind.Operator, i, k - i));
            return k;
        }

        return Single(SqlTokenKind.Other, i, tokens);
    }

    private static bool IsLogicWord(ReadOnlySpan<char> w) =>
        w.Equals("or", StringComparison.OrdinalIgnoreCase) || w.Equals("and", StringComparison.OrdinalIgnoreCase)
        || w.Equals("xor", StringComparison.OrdinalIgnoreCase);

    /// <summary>End of a string literal opened before <paramref name="from"/>: SQL doubles the quote, MySQL also backslash-escapes.</summary>
    private static int FindStringEnd(ReadOnlySpan<char> s, int from, char q, bool backslashEscapes = true)
    {
        var i = from;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\\' && q != '`' && backslashEscapes)
            {
                i += 2;
                continue;
            }

            if (c == q)
            {
                if (i + 1 < s.Length && s[i + 1] == q)
                {
                    i += 2;
                    continue;
                }

                return i;
            }

            i++;
        }

        return -1;
    }
}
