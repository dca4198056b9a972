using InfiniteSecurity.Detection.Normalisation;

namespace InfiniteSecurity.Detection.Sql;

/// <summary>
/// Token-stream predicates of SQL grammar the detector's shapes are built from: what starts a statement, a select
/// list, a comparison, a clause. All work on the lexer's tokens and the view's span; nothing is allocated.
/// </summary>
internal static class SqlGrammar
{
    public static bool Is(ReadOnlySpan<char> s, SqlToken k, string text) =>
        k.Length == text.Length && s.Slice(k.Start, k.Length).Equals(text, StringComparison.OrdinalIgnoreCase);

    public static ReadOnlySpan<char> Text(ReadOnlySpan<char> s, SqlToken k) => s.Slice(k.Start, k.Length);

    public static int End(SqlToken k) => k.Start + k.Length;

    public static bool IsWordToken(SqlToken k) => k.Kind == SqlTokenKind.Word;

    public static int FindWord(ReadOnlySpan<char> s, List<SqlToken> t, int from, string word, int within)
    {
        for (var j = from; j < t.Count && j - from < within; j++)
        {
            if (t[j].Kind == SqlTokenKind.Word && Is(s, t[j], word))
            {
                return j;
            }
        }

        return -1;
    }

    public static bool IsComparison(ReadOnlySpan<char> s, SqlToken k)
    {
        if (k.Kind != SqlTokenKind.Operator)
        {
            return false;
        }

        // "==" is JavaScript's equality, left to the NoSQL detector.
        return Text(s, k) is "=" or "<" or ">" or "<=" or ">=" or "<>" or "!=" or "<=>" or "!<" or "!>";
    }

    /// <summary>Arithmetic, concatenation and bitwise operators: they continue an expression after a value.</summary>
    public static bool IsArithmetic(ReadOnlySpan<char> s, SqlToken k) =>
        k.Kind == SqlTokenKind.Operator && Text(s, k) is "+" or "-" or "*" or "/" or "%" or "^" or "|" or "&" or "||" or "~";

    public static bool IsOperand(SqlToken k) =>
        k.Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.Word or SqlTokenKind.Variable or SqlTokenKind.RightParen && k.Closed;

    public static bool IsLiteral(SqlToken k) => k.Kind is SqlTokenKind.Number or SqlTokenKind.String && k.Closed;

    public static bool SameOperand(ReadOnlySpan<char> s, SqlToken a, SqlToken b) =>
        a.Kind == b.Kind && a.Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.Word && a.Closed && b.Closed
        && Content(s, a).Equals(Content(s, b), StringComparison.OrdinalIgnoreCase);

    public static bool SameLiteral(ReadOnlySpan<char> s, SqlToken a, SqlToken b) =>
        a.Kind == b.Kind && IsLiteral(a) && IsLiteral(b) && Content(s, a).Equals(Content(s, b), StringComparison.OrdinalIgnoreCase);

    // A string's value without its quotes; the last string may be closed by the application's own quote.
    public static ReadOnlySpan<char> Content(ReadOnlySpan<char> s, SqlToken k) =>
        k.Kind == SqlTokenKind.String ? Text(s, k).Trim(s[k.Start]) : Text(s, k);

    /// <summary>Literals joined by arithmetic or concatenation operators (or adjacent strings): '' - '', 1*1, 'a' 'b'.</summary>
    public static bool IsLiteralExpression(ReadOnlySpan<char> s, List<SqlToken> t, int from, int end)
    {
        if (end - from > 7 || end <= from || !IsLiteral(t[from]) || !IsLiteral(t[end - 1]))
        {
            return false;
        }

        for (var k = from + 1; k < end; k++)
        {
            var ok = IsLiteral(t[k]) ? !IsLiteral(t[k - 1]) || t[k].Kind == SqlTokenKind.String && t[k - 1].Kind == SqlTokenKind.String : IsArithmetic(s, t[k]) && IsLiteral(t[k - 1]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Index of the token after a leading number (1, -1), or -1 when the value does not start with one.</summary>
    public static int AfterLeadingNumber(ReadOnlySpan<char> s, List<SqlToken> t)
    {
        if (t.Count > 0 && t[0].Kind == SqlTokenKind.Number)
        {
            return 1;
        }

        return t.Count > 1 && Is(s, t[0], "-") && t[1].Kind == SqlTokenKind.Number && t[1].Start == End(t[0]) ? 2 : -1;
    }

    public static bool StartsWithValueThenParen(List<SqlToken> t) =>
        t.Count > 2 && t[0].Kind is SqlTokenKind.Number or SqlTokenKind.Word && t[1].Kind == SqlTokenKind.RightParen;

    public static bool StartsSelectList(ReadOnlySpan<char> s, List<SqlToken> t, int j)
    {
        var k = t[j];
        return k.Kind switch
        {
            SqlTokenKind.Number or SqlTokenKind.Variable or SqlTokenKind.LeftParen => true,
            SqlTokenKind.String => k.Closed && j + 1 < t.Count && t[j + 1].Kind is SqlTokenKind.Comma or SqlTokenKind.Operator or SqlTokenKind.Logic or SqlTokenKind.Word,
            SqlTokenKind.Operator => Is(s, k, "*"),
            SqlTokenKind.Word => (j + 1 < t.Count && (t[j + 1].Kind is SqlTokenKind.LeftParen or SqlTokenKind.Comma || Is(s, t[j + 1], "||")))
                || Is(s, k, "case") || Is(s, k, "distinct") || Is(s, k, "top") || Is(s, k, "all") || Is(s, k, "null")
                || (j + 1 < t.Count && Is(s, t[j + 1], "from") && j + 2 < t.Count && t[j + 2].Kind == SqlTokenKind.Word),
            _ => false,
        };
    }

    /// <summary>Whether the statement keyword at <paramref name="j"/> is followed by what that statement needs.</summary>
    public static bool StackedStatementShape(ReadOnlySpan<char> s, List<SqlToken> t, int j)
    {
        Span<char> buffer = stackalloc char[12];
        var w = Text(s, t[j]);
        if (w.Length > buffer.Length)
        {
            return false;
        }

        var word = buffer[..w.ToLowerInvariant(buffer)];
        if (j + 1 >= t.Count)
        {
            return word is "shutdown";
        }

        var next = t[j + 1];
        return word switch
        {
            "select" => StartsSelectList(s, t, j + 1),
            "drop" or "create" or "alter" or "truncate" => IsSchemaObject(s, next),
            "insert" or "replace" => Is(s, next, "into"),
            "delete" => Is(s, next, "from") && TableThenClauseEnd(s, t, j + 2),
            "update" => FindWord(s, t, j + 1, "set", 4) > 0,
            "exec" or "execute" => ExecTarget(s, next),
            "desc" or "describe" => next.Kind == SqlTokenKind.Word && (j + 2 >= t.Count || t[j + 2].Kind is SqlTokenKind.Semicolon or SqlTokenKind.Comment),
            "show" => Is(s, next, "tables") || Is(s, next, "databases") || Is(s, next, "grants") || Is(s, next, "variables") || Is(s, next, "columns") || Is(s, next, "schemas"),
            "begin" => next.Kind == SqlTokenKind.Word && SqlVocabulary.IsStatementStarter(Text(s, next)) && StackedStatementShape(s, t, j + 1),
            "declare" or "set" => next.Kind == SqlTokenKind.Variable,
            "waitfor" => Is(s, next, "delay") || Is(s, next, "time"),
            "call" => next.Kind == SqlTokenKind.Word && j + 2 < t.Count && t[j + 2].Kind == SqlTokenKind.LeftParen,
            "if" => next.Kind == SqlTokenKind.LeftParen || FindWord(s, t, j + 1, "waitfor", 12) > 0,
            "shutdown" => true,
            "grant" => FindWord(s, t, j + 1, "to", 8) > 0,
            "copy" => next.Kind is SqlTokenKind.Word or SqlTokenKind.LeftParen && (FindWord(s, t, j + 1, "to", 16) > 0 || FindWord(s, t, j + 1, "from", 4) > 0),
            "backup" or "restore" => Is(s, next, "database") || Is(s, next, "log"),
            _ => false,
        };
    }

    // DELETE FROM carts [WHERE ... | ; | -- | end]: one table name, not "delete from my list".
    private static bool TableThenClauseEnd(ReadOnlySpan<char> s, List<SqlToken> t, int j) =>
        j < t.Count && t[j].Kind == SqlTokenKind.Word
        && (j + 1 == t.Count || t[j + 1].Kind is SqlTokenKind.Semicolon or SqlTokenKind.Comment or SqlTokenKind.RightParen || Is(s, t[j + 1], "where"));

    private static bool IsSchemaObject(ReadOnlySpan<char> s, SqlToken next) =>
        Is(s, next, "table") || Is(s, next, "database") || Is(s, next, "user") || Is(s, next, "procedure") || Is(s, next, "function")
        || Is(s, next, "view") || Is(s, next, "login") || Is(s, next, "schema") || Is(s, next, "index") || Is(s, next, "trigger");

    private static bool ExecTarget(ReadOnlySpan<char> s, SqlToken next)
    {
        var target = Text(s, next);
        return next.Kind is SqlTokenKind.LeftParen or SqlTokenKind.Variable || Is(s, next, "immediate")
            || (next.Kind == SqlTokenKind.Word && (target.StartsWith("xp_", StringComparison.OrdinalIgnoreCase) || target.StartsWith("sp_", StringComparison.OrdinalIgnoreCase)
                || target.StartsWith("master.", StringComparison.OrdinalIgnoreCase) || target.StartsWith("dbo.", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>like/rlike/regexp 'x', in (...), is [not] null, between a and b: the comparison words with their operands.</summary>
    public static bool ComparisonWordShape(ReadOnlySpan<char> s, List<SqlToken> t, int j)
    {
        if (j + 1 >= t.Count)
        {
            return false;
        }

        var next = t[j + 1];
        if (Is(s, t[j], "in"))
        {
            return next.Kind == SqlTokenKind.LeftParen;
        }

        if (Is(s, t[j], "is"))
        {
            return Is(s, next, "null") || Is(s, next, "not") || Is(s, next, "true") || Is(s, next, "false");
        }

        if (Is(s, t[j], "between"))
        {
            // BETWEEN a AND b: AND is lexed as a logic token.
            for (var k = j + 2; k < t.Count && k <= j + 4; k++)
            {
                if (t[k].Kind == SqlTokenKind.Logic && Is(s, t[k], "and"))
                {
                    return IsOperand(next) || next.Kind == SqlTokenKind.LeftParen;
                }
            }

            return false;
        }

        return next.Kind is SqlTokenKind.Number or SqlTokenKind.LeftParen || (next.Kind == SqlTokenKind.String && next.Closed)
            || (next.Kind == SqlTokenKind.Word && j + 2 < t.Count && t[j + 2].Kind == SqlTokenKind.LeftParen);
    }

    /// <summary>order by / group by, where &lt;cond&gt;, having, limit n, into outfile, procedure analyse: grammar after a breakout.</summary>
    public static bool ClauseShape(ReadOnlySpan<char> s, List<SqlToken> t, int first)
    {
        var w = t[first];
        var next = t[first + 1];
        if (Is(s, w, "order") || Is(s, w, "group"))
        {
            return Is(s, next, "by");
        }

        if (Is(s, w, "where") || Is(s, w, "having"))
        {
            for (var j = first + 1; j < t.Count && j < first + 6; j++)
            {
                if (IsComparison(s, t[j]))
                {
                    return true;
                }
            }

            return false;
        }

        if (Is(s, w, "limit") || Is(s, w, "offset"))
        {
            return next.Kind == SqlTokenKind.Number;
        }

        if (Is(s, w, "into"))
        {
            return Is(s, next, "outfile") || Is(s, next, "dumpfile") || next.Kind == SqlTokenKind.Variable;
        }

        if (Is(s, w, "procedure"))
        {
            return Is(s, next, "analyse") || Is(s, next, "analyze");
        }

        if (Is(s, w, "rlike") || Is(s, w, "regexp") || Is(s, w, "like") || Is(s, w, "sounds") || Is(s, w, "between") || Is(s, w, "in") || Is(s, w, "is"))
        {
            return ComparisonWordShape(s, t, first) || (Is(s, w, "sounds") && Is(s, next, "like"));
        }

        return false;
    }

    /// <summary>Whether a comment token right after a breakout truncates the query.</summary>
    public static bool IsTruncatingComment(ReadOnlySpan<char> s, SqlToken c)
    {
        var after = c.Start + (s[c.Start] == '#' ? 1 : 2);
        if (s[c.Start] == '/')
        {
            return true;
        }

        // A #directive or --flag is still prose when the quote that "opened" it closes again inside the comment
        // ('#ifdef' lines); that case is excluded by the caller. Here only "#[attr]" style tokens are rejected.
        return after >= s.Length || s[after] != '[';
    }

    /// <summary>0x7761697466... or UTF-16 0x770061... decoded, NULs skipped, and tested for a statement keyword.</summary>
    public static bool HexEncodesStatement(ReadOnlySpan<char> hex)
    {
        Span<char> text = stackalloc char[64];
        var n = 0;
        for (var k = 0; k + 1 < hex.Length && n < text.Length; k += 2)
        {
            var hi = UrlDecoder.HexValue(hex[k]);
            var lo = UrlDecoder.HexValue(hex[k + 1]);
            if (hi < 0 || lo < 0)
            {
                return false;
            }

            var b = (hi << 4) | lo;
            if (b == 0)
            {
                continue;
            }

            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }

            text[n++] = (char)b;
        }

        var decoded = text[..n];
        var space = decoded.IndexOf(' ');
        var first = space < 0 ? decoded : decoded[..space];
        return n >= 6 && SqlVocabulary.IsStatementStarter(first);
    }
}
