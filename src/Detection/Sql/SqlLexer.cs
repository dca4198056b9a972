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
            if (char.IsWhiteSpace(c) || c == '\0' || c == '\u00A0')
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '\'' or '"' or '`':
                    {
                        var end = FindStringEnd(s, i + 1, c);
                        var closed = end >= 0;
                        i = closed ? end + 1 : s.Length;
                        tokens.Add(new SqlToken(c == '`' ? SqlTokenKind.Word : SqlTokenKind.String, start, i - start, closed));
                        continue;
                    }
                case '(':
                    tokens.Add(new SqlToken(SqlTokenKind.LeftParen, i++, 1));
                    continue;
                case ')':
                    tokens.Add(new SqlToken(SqlTokenKind.RightParen, i++, 1));
                    continue;
                case ',':
                    tokens.Add(new SqlToken(SqlTokenKind.Comma, i++, 1));
                    continue;
                case ';':
                    tokens.Add(new SqlToken(SqlTokenKind.Semicolon, i++, 1));
                    continue;
                case '#':
                    tokens.Add(new SqlToken(SqlTokenKind.Comment, i, s.Length - i));
                    i = s.Length;
                    continue;
                case '-' when i + 1 < s.Length && s[i + 1] == '-':
                    tokens.Add(new SqlToken(SqlTokenKind.Comment, i, s.Length - i));
                    i = s.Length;
                    continue;
                case '/' when i + 1 < s.Length && s[i + 1] == '*':
                    {
                        var close = s[(i + 2)..].IndexOf("*/", StringComparison.Ordinal);
                        if (i + 2 < s.Length && s[i + 2] == '!')
                        {
                            // MySQL executes /*!...*/ content: lex the body as code.
                            var k = i + 3;
                            while (k < s.Length && char.IsAsciiDigit(s[k]))
                            {
                                k++;
                            }

                            tokens.Add(new SqlToken(SqlTokenKind.Comment, i, k - i, Closed: false));
                            i = k;
                            continue;
                        }

                        var end = close < 0 ? s.Length : i + 2 + close + 2;
                        // A closed inline comment is whitespace to SQL; an unclosed one truncates the query.
                        if (close < 0)
                        {
                            tokens.Add(new SqlToken(SqlTokenKind.Comment, i, end - i));
                        }

                        i = end;
                        continue;
                    }
                case '*' when i + 1 < s.Length && s[i + 1] == '/':
                    i += 2; // tail of an executable comment
                    continue;
                case '@':
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
                        i = k;
                        continue;
                    }
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                var k = i + 1;
                if (c == '0' && k < s.Length && s[k] is 'x' or 'X' or 'b' or 'B')
                {
                    k++;
                }

                while (k < s.Length && (char.IsAsciiLetterOrDigit(s[k]) || s[k] == '.'))
                {
                    k++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, i, k - i));
                i = k;
                continue;
            }

            if (char.IsLetter(c) || c is '_' or '$' or '[')
            {
                var k = i;
                if (c == '[')
                {
                    var close = s[i..].IndexOf(']');
                    if (close < 0 || close > 128)
                    {
                        tokens.Add(new SqlToken(SqlTokenKind.Other, i++, 1));
                        continue;
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
                i = k;
                continue;
            }

            if (c is '|' or '&' && i + 1 < s.Length && s[i + 1] == c)
            {
                tokens.Add(new SqlToken(SqlTokenKind.Logic, i, 2));
                i += 2;
                continue;
            }

            if (c is '=' or '<' or '>' or '!' or '+' or '-' or '*' or '/' or '%' or '^' or '~' or '|' or '&' or ':')
            {
                var k = i + 1;
                while (k < s.Length && k - i < 3 && s[k] is '=' or '<' or '>')
                {
                    k++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Operator, i, k - i));
                i = k;
                continue;
            }

            tokens.Add(new SqlToken(SqlTokenKind.Other, i++, 1));
        }

        // The application's own closing quote follows the input, so a string left open at the very end is closed by it.
        if (tokens.Count > 0 && tokens[^1] is { Kind: SqlTokenKind.String, Closed: false } last)
        {
            tokens[^1] = last with { Closed = true };
        }

        return true;
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
