using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Detection.Scoring;
using static InfiniteSecurity.Detection.Sql.SqlGrammar;

namespace InfiniteSecurity.Detection.Sql;

/// <summary>
/// SQL injection: lexes every view in four quote contexts (unquoted, '...', "...", `...`) and reasons about the
/// token stream after the point where the input would leave the application's string: boolean tautologies, UNION,
/// stacked statements, probing functions, comment truncation and catalogue access. Prose stays benign because it
/// does not form these token shapes (a quote in O'Doherty is followed by a plain word, not by an operator).
/// </summary>
internal sealed class SqlInjectionDetector : IViewDetector
{
    private static readonly SqlQuoteContext[] Contexts =
        [SqlQuoteContext.Unquoted, SqlQuoteContext.SingleQuoted, SqlQuoteContext.DoubleQuoted, SqlQuoteContext.Backticked];

    private static readonly System.Buffers.SearchValues<char> SqlTriggers = System.Buffers.SearchValues.Create("'\"`=();-#/|&<>@*");

    [ThreadStatic]
    private static List<SqlToken>? t_tokens;

    [ThreadStatic]
    private static SqlShapeBuffer? t_shapes;

    public string Family => ThreatCategory.SqlInjection;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        if (view.Text.AsSpan().IndexOfAny(SqlTriggers) < 0 && !BenignPrefilter.ContainsKeyword(view.Text) && !view.Text.Contains("::", StringComparison.Ordinal))
        {
            return;
        }

        var tokens = t_tokens ??= new List<SqlToken>(64);
        var shapes = t_shapes ??= new SqlShapeBuffer();
        shapes.Clear();
        SqlProbeShapes.Check(view, shapes);
        LexInContexts(view, tokens, shapes);
        LexJoined(view, tokens, shapes);
        shapes.Flush(findings);
    }

    private static void LexInContexts(DecodedView view, List<SqlToken> tokens, SqlShapeBuffer findings)
    {
        foreach (var context in Contexts)
        {
            if (SqlLexer.TryLex(view.Text, context, tokens, out var breakout))
            {
                Evaluate(view, tokens, context != SqlQuoteContext.Unquoted, breakout, findings);
            }

            // MySQL treats \' as an escaped quote, ANSI SQL (PostgreSQL, MSSQL, Oracle, SQLite) does not; and an
            // application that escapes ' as \' turns an input \' into \\' that closes the string anyway.
            if (context != SqlQuoteContext.Unquoted && view.Text.Contains('\\', StringComparison.Ordinal)
                && SqlLexer.TryLex(view.Text, context, tokens, out breakout, backslashEscapes: false))
            {
                Evaluate(view, tokens, broke: true, breakout, findings);
            }
        }

    }

    private static void LexJoined(DecodedView view, List<SqlToken> tokens, SqlShapeBuffer findings)
    {
        // Filters that delete comments join keywords: UN/**/ION SEL/**/ECT reaches the database as UNION SELECT.
        if (view.Text.Contains("/*", StringComparison.Ordinal))
        {
            var joined = new DecodedView(view.Name + "+joined", JoinComments(view.Text));
            if (SqlLexer.TryLex(joined.Text, SqlQuoteContext.Unquoted, tokens, out var b))
            {
                Evaluate(joined, tokens, broke: false, b, findings);
            }
        }

        // Filters that delete a keyword once join its halves: UNIunionON SELselectECT.
        var unnested = RemoveNestedKeywords(view.Text);
        if (!ReferenceEquals(unnested, view.Text))
        {
            LexInContexts(new DecodedView(view.Name + "+unnested", unnested), tokens, findings);
        }
    }

    private static readonly string[] StrippedKeywords = ["union", "select", "from", "where", "and", "or"];

    // A keyword written inside its own halves (UNIunionON): letters on both sides and, once removed, the halves
    // form the keyword again. Returns the same instance when there is none.
    private static string RemoveNestedKeywords(string s)
    {
        foreach (var keyword in StrippedKeywords)
        {
            var at = s.IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
            while (at > 0 && at + keyword.Length < s.Length)
            {
                var outer = at - 1;
                while (outer >= 0 && char.IsAsciiLetter(s[outer]))
                {
                    outer--;
                }

                var end = at + keyword.Length;
                var outerEnd = end;
                while (outerEnd < s.Length && char.IsAsciiLetter(s[outerEnd]))
                {
                    outerEnd++;
                }

                if (outer + 1 < at && outerEnd > end && (at - outer - 1) + (outerEnd - end) == keyword.Length
                    && string.Concat(s.AsSpan(outer + 1, at - outer - 1), s.AsSpan(end, outerEnd - end)).Equals(keyword, StringComparison.OrdinalIgnoreCase))
                {
                    s = string.Concat(s.AsSpan(0, at), s.AsSpan(end));
                }

                at = s.IndexOf(keyword, Math.Min(at + 1, s.Length), StringComparison.OrdinalIgnoreCase);
            }
        }

        return s;
    }

    private static string JoinComments(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var open = s.IndexOf("/*", i, StringComparison.Ordinal);
            if (open < 0)
            {
                sb.Append(s, i, s.Length - i);
                break;
            }

            sb.Append(s, i, open - i);
            var close = s.IndexOf("*/", open + 2, StringComparison.Ordinal);
            i = close < 0 ? s.Length : close + 2;
        }

        return sb.ToString();
    }

    private static void Evaluate(DecodedView view, List<SqlToken> t, bool broke, int breakout, SqlShapeBuffer f)
    {
        if (t.Count == 0 || !SqlScan.TryCreate(view, t, broke, breakout, f, out var scan))
        {
            return;
        }

        CheckBreakoutShapes(scan);
        var weakFunctions = 0;
        for (var i = 0; i < scan.N; i++)
        {
            CheckToken(scan, i, ref weakFunctions);
        }

        if (weakFunctions >= 2 && scan.Strong)
        {
            scan.Add(SqlRules.FunctionChain, breakout, Math.Min(scan.S.Length - breakout, 40));
        }
    }

    // Shapes defined by what comes right after the breakout point.
    private static void CheckBreakoutShapes(in SqlScan c)
    {
        var s = c.S;
        var (t, n, first) = (c.T, c.N, c.First);
        var afterQuote = c.Broke && c.ValuePrefix;
        var head = first < n ? t[first] : default;
        if (afterQuote && first < n && head.Kind == SqlTokenKind.Comment && IsTruncatingComment(s, head) && s[head.Start..].IndexOf(s[c.Breakout]) < 0)
        {
            c.Add(SqlRules.CommentTruncation, c.Breakout, End(head) - c.Breakout);
        }

        if (afterQuote && first + 1 < n && head.Kind == SqlTokenKind.Semicolon && IsWordToken(t[first + 1]) && SqlVocabulary.IsStatementStarter(Text(s, t[first + 1])))
        {
            c.Add(SqlRules.StackedQuery, c.Breakout, End(t[Math.Min(n - 1, first + 2)]) - c.Breakout);
        }

        if ((c.Broke ? c.ValuePrefix : first == 0) && first < n && head.Kind == SqlTokenKind.Semicolon && (first + 1 == n || t[first + 1].Kind == SqlTokenKind.Comment))
        {
            c.Add(SqlRules.Pick(c.Broke, SqlRules.TerminatedTruncation, SqlRules.TerminatedTruncationBare), c.Breakout, End(t[n - 1]) - c.Breakout);
        }

        if (first < n && head.Kind == SqlTokenKind.Word && SqlVocabulary.IsStatementStarter(Text(s, head)) && StackedStatementShape(s, t, first)
            && (c.Strong || (first == 0 && !Is(s, t[0], "select") && !Is(s, t[0], "if"))))
        {
            c.Add(SqlRules.Pick(c.Strong, SqlRules.StatementInjection, SqlRules.StatementInjectionBare), head.Start, End(t[Math.Min(n - 1, first + 2)]) - head.Start);
        }

        if (afterQuote && first + 1 < n && head.Kind == SqlTokenKind.Word && ClauseShape(s, t, first))
        {
            c.Add(SqlRules.ClauseAfterBreakout, c.Breakout, End(t[Math.Min(n - 1, first + 2)]) - c.Breakout);
        }

        var v = c.Broke ? -1 : AfterLeadingNumber(s, t);
        if (v > 0 && v + 1 < n && t[v].Kind == SqlTokenKind.Word && NumericClauseShape(s, t, v))
        {
            c.Add(SqlRules.NumericClause, t[v].Start, End(t[Math.Min(n - 1, v + 2)]) - t[v].Start);
        }

        if (afterQuote && c.Breakout <= 20 && first == 0 && IsOperatorContinuation(s, t))
        {
            c.Add(SqlRules.OperatorBreakout, c.Breakout, End(t[n - 1]) - c.Breakout);
        }
    }

    // 1 PROCEDURE ANALYSE(), 1 INTO OUTFILE '/x', 1 WHERE 1=1, 5 HAVING 1, 1 RLIKE 1, 1 IS NOT NULL, 1 LIMIT 1,1: a
    // number continued by a clause that only SQL has. ORDER BY is the order_by_probe rule; "3 order by phone",
    // "2 is not enough" and "5 having fun" are prose, so each clause needs its SQL operands. v is the clause word.
    private static bool NumericClauseShape(ReadOnlySpan<char> s, List<SqlToken> t, int v)
    {
        var n = t.Count;
        var w = t[v];
        var next = t[v + 1];
        if (Is(s, w, "procedure") || Is(s, w, "into") || Is(s, w, "where"))
        {
            return ClauseShape(s, t, v);
        }

        if (Is(s, w, "having"))
        {
            return SqlBooleanShapes.HasComparison(s, t, v + 1) || ((next.Kind == SqlTokenKind.Number || Is(s, next, "true")) && EndsAt(t, v + 2));
        }

        if (Is(s, w, "rlike") || Is(s, w, "regexp") || Is(s, w, "like") || Is(s, w, "glob"))
        {
            return next.Kind is SqlTokenKind.Number or SqlTokenKind.String && EndsAt(t, v + 2);
        }

        if (Is(s, w, "sounds") && Is(s, next, "like"))
        {
            return v + 2 < n && t[v + 2].Kind is SqlTokenKind.Number or SqlTokenKind.String && EndsAt(t, v + 3);
        }

        if (Is(s, w, "in"))
        {
            // 1 IN (1), 1 IN (1,2): a parenthesised list of literals and nothing after it.
            var k = v + 2;
            while (k < n && (IsLiteral(t[k]) || t[k].Kind == SqlTokenKind.Comma) && k < v + 12)
            {
                k++;
            }

            return next.Kind == SqlTokenKind.LeftParen && k > v + 2 && k < n && t[k].Kind == SqlTokenKind.RightParen && EndsAt(t, k + 1);
        }

        if (Is(s, w, "is"))
        {
            var k = Is(s, next, "not") ? v + 2 : v + 1;
            return k < n && (Is(s, t[k], "null") || Is(s, t[k], "true") || Is(s, t[k], "false")) && EndsAt(t, k + 1);
        }

        // LIMIT n followed by what only SQL puts there: ,m  OFFSET m  INTO ...  PROCEDURE ...  a comment.
        var after = v + 2;
        return Is(s, w, "limit") && next.Kind == SqlTokenKind.Number && after < n
            && (t[after].Kind is SqlTokenKind.Comma or SqlTokenKind.Comment or SqlTokenKind.Semicolon || Is(s, t[after], "offset") || Is(s, t[after], "into")
                || Is(s, t[after], "procedure") || Is(s, t[after], "union"));
    }

    private static bool EndsAt(List<SqlToken> t, int k) => k >= t.Count || t[k].Kind is SqlTokenKind.Comment or SqlTokenKind.Semicolon;

    // '-', '+'1, 1'*'  — an operator and the literal the application's quote closes; ' ' — two adjacent strings.
    private static bool IsOperatorContinuation(ReadOnlySpan<char> s, List<SqlToken> t)
    {
        var end = t[^1].Kind == SqlTokenKind.Comment ? t.Count - 1 : t.Count;
        if (end < 1)
        {
            return false;
        }

        if (end == 1)
        {
            return t[0].Kind == SqlTokenKind.String && Content(s, t[0]).IsWhiteSpace() && End(t[0]) == s.Length;
        }

        // A number at the end needs a comment after it: 5'=6 is a height, '=0-- is not.
        var closedByApp = t[end - 1].Kind == SqlTokenKind.String || end < t.Count;
        var op = IsArithmetic(s, t[0]) || IsComparison(s, t[0]) || Is(s, t[0], "div") || Is(s, t[0], "mod");
        return end >= 2 && op && closedByApp && IsLiteralExpression(s, t, 1, end);
    }

    private static void CheckToken(in SqlScan c, int i, ref int weakFunctions)
    {
        var s = c.S;
        var (t, n) = (c.T, c.N);
        var tok = t[i];
        switch (tok.Kind)
        {
            case SqlTokenKind.Logic:
                SqlBooleanShapes.Check(c, i);
                break;
            case SqlTokenKind.Word when (Is(s, tok, "exec") || Is(s, tok, "execute")) && i + 1 < n && (t[i + 1].Kind == SqlTokenKind.Variable || (t[i + 1].Kind == SqlTokenKind.LeftParen && i + 2 < n && t[i + 2].Kind is SqlTokenKind.Variable or SqlTokenKind.String)):
                c.Add(SqlRules.Pick(c.Strong, SqlRules.DynamicExec, SqlRules.DynamicExecBare), tok.Start, End(t[Math.Min(n - 1, i + 3)]) - tok.Start);
                break;
            case SqlTokenKind.Word:
                CheckWord(c, i, ref weakFunctions);
                break;
            // @@version, not an @@PLACEHOLDER@@ macro in a tracking URL.
            case SqlTokenKind.Variable when tok.Length > 2 && s[tok.Start + 1] == '@' && (tok.Start == 0 || !Scanning.IsIdentChar(s[tok.Start - 1])) && (End(tok) >= s.Length || s[End(tok)] != '@'):
                c.Add(SqlRules.Pick(c.Strong, SqlRules.ServerVariable, SqlRules.ServerVariableBare), tok.Start, tok.Length);
                break;
            case SqlTokenKind.Semicolon when i + 1 < n && IsWordToken(t[i + 1]) && SqlVocabulary.IsStatementStarter(Text(s, t[i + 1])) && StackedStatementShape(s, t, i + 1):
                c.Add(SqlRules.Pick(c.Strong, SqlRules.StackedQuery, SqlRules.StackedQueryBare), tok.Start, End(t[Math.Min(n - 1, i + 2)]) - tok.Start);
                break;
            case SqlTokenKind.Number when tok.Length >= 18 && s[tok.Start + 1] is 'x' or 'X' && HexEncodesStatement(s.Slice(tok.Start + 2, tok.Length - 2)):
                c.Add(SqlRules.HexEncodedStatement, tok.Start, tok.Length);
                break;
            case SqlTokenKind.Comment when !tok.Closed:
                c.Add(SqlRules.ExecutableComment, tok.Start, tok.Length);
                break;
            case SqlTokenKind.Operator when i > 0 && i + 2 < n && IsTypeCast(s, t, i):
                c.Add(SqlRules.Pick(c.Strong, SqlRules.TypeCast, SqlRules.TypeCastBare), t[i - 1].Start, End(t[i + 2]) - t[i - 1].Start);
                break;
            case SqlTokenKind.Operator when IsComparison(s, tok) && i > 0 && i + 1 < n && SameLiteral(s, t[i - 1], t[i + 1]) && !IsQueryParameter(s, t[i - 1], t[i + 1]):
                c.Add(SqlRules.Pick(c.Strong, SqlRules.Tautology, SqlRules.TautologyBare), t[i - 1].Start, End(t[i + 1]) - t[i - 1].Start);
                break;
        }
    }

    // 1::int, '1'::text, (select ...)::varchar — a literal or parenthesised value cast with PostgreSQL's :: operator.
    private static bool IsTypeCast(ReadOnlySpan<char> s, List<SqlToken> t, int i) =>
        Is(s, t[i], ":") && Is(s, t[i + 1], ":") && t[i + 1].Start == t[i].Start + 1 && t[i - 1].Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.RightParen
        && t[i + 2].Kind == SqlTokenKind.Word && SqlVocabulary.IsTypeName(Text(s, t[i + 2]));

    private static void CheckWord(in SqlScan c, int i, ref int weakFunctions)
    {
        var s = c.S;
        var (t, n) = (c.T, c.N);
        var tok = t[i];
        var w = Text(s, tok);
        var hasNext = i + 1 < n;
        var next = hasNext ? t[i + 1] : default;
        if (w.Equals("union", StringComparison.OrdinalIgnoreCase))
        {
            CheckUnion(c, i);
        }
        else if (w.Equals("select", StringComparison.OrdinalIgnoreCase) && hasNext && StartsSelectList(s, t, i + 1))
        {
            CheckSelect(c, i);
        }
        else if (hasNext && next.Kind == SqlTokenKind.LeftParen && SqlVocabulary.IsFunction(w))
        {
            if (!CheckFunctionCall(c, i))
            {
                weakFunctions++;
            }
        }
        else if (w.StartsWith("utl_", StringComparison.OrdinalIgnoreCase) || w.StartsWith("dbms_", StringComparison.OrdinalIgnoreCase) || w.StartsWith("sys.dbms_", StringComparison.OrdinalIgnoreCase))
        {
            // Oracle packages for out-of-band requests, DNS lookups and delays; no prose uses them.
            c.Add(SqlRules.Pick(c.Strong || (i > 0 && t[i - 1].Kind == SqlTokenKind.Logic), SqlRules.OraclePackage, SqlRules.OraclePackageBare), tok.Start, tok.Length);
        }
        else if (w.Equals("waitfor", StringComparison.OrdinalIgnoreCase) && hasNext && (Is(s, next, "delay") || Is(s, next, "time")))
        {
            c.Add(SqlRules.Pick(c.Strong, SqlRules.WaitforDelay, SqlRules.WaitforDelayBare), tok.Start, End(next) - tok.Start);
        }
        else if (SqlVocabulary.IsSystemObject(w) && i > 0 && (Is(s, t[i - 1], "from") || Is(s, t[i - 1], "join") || (t[i - 1].Kind == SqlTokenKind.Comma && c.Strong)))
        {
            c.Add(SqlRules.Pick(c.Strong, SqlRules.SystemCatalog, SqlRules.SystemCatalogBare), tok.Start, tok.Length);
        }
        else if (w.Equals("case", StringComparison.OrdinalIgnoreCase) && hasNext && FindWord(s, t, i + 1, "when", 4) > 0 && FindWord(s, t, i + 1, "then", 16) > 0)
        {
            c.Add(SqlRules.Pick(c.Strong, SqlRules.Conditional, SqlRules.ConditionalBare), tok.Start, End(next) - tok.Start);
        }
        else if ((w.Equals("order", StringComparison.OrdinalIgnoreCase) || w.Equals("group", StringComparison.OrdinalIgnoreCase)) && hasNext && Is(s, next, "by")
            && i + 2 < n && t[i + 2].Kind == SqlTokenKind.Number && ClauseEnd(s, t, i + 3))
        {
            c.Add(SqlRules.Pick(c.Strong, SqlRules.OrderByProbe, SqlRules.OrderByProbeBare), tok.Start, End(t[i + 2]) - tok.Start);
        }
    }

    // What may follow the column number of ORDER BY n: the end, a comment, ',', ';', ASC/DESC, LIMIT n, WITH ROLLUP.
    private static bool ClauseEnd(ReadOnlySpan<char> s, List<SqlToken> t, int k)
    {
        if (k < t.Count && (Is(s, t[k], "asc") || Is(s, t[k], "desc")))
        {
            k++;
        }

        return k >= t.Count || t[k].Kind is SqlTokenKind.Comment or SqlTokenKind.Comma or SqlTokenKind.Semicolon
            || (k + 1 < t.Count && ((Is(s, t[k], "limit") && t[k + 1].Kind == SqlTokenKind.Number) || (Is(s, t[k], "with") && Is(s, t[k + 1], "rollup"))));
    }

    private static void CheckUnion(in SqlScan c, int i)
    {
        var s = c.S;
        var (t, n) = (c.T, c.N);
        var j = i + 1;
        while (j < n && (t[j].Kind == SqlTokenKind.LeftParen || (IsWordToken(t[j]) && (Is(s, t[j], "all") || Is(s, t[j], "distinct")))))
        {
            j++;
        }

        // A select list must follow (UNION SELECT 1,2 / NULL-- / name FROM t), not prose: "union select keyword usage".
        if (j < n && Is(s, t[j], "select") && (j + 1 == n || StartsSelectList(s, t, j + 1) || IsLoneColumn(s, t, j + 1)))
        {
            c.Add(SqlRules.UnionSelect, t[i].Start, End(t[j]) - t[i].Start);
        }
    }

    // &6=6& is a key=value pair of a query string, not a comparison; so is 6=6&k=v at the start of one (?6=6&k=v).
    private static bool IsQueryParameter(ReadOnlySpan<char> s, SqlToken left, SqlToken right)
    {
        var end = End(right);
        if (left.Start > 0 && s[left.Start - 1] == '&')
        {
            return end == s.Length || s[end] == '&';
        }

        // The first pair starts the value, a URL's query ('?') or a JSON string ('"').
        if ((left.Start > 0 && s[left.Start - 1] is not ('?' or '"' or '\'')) || end >= s.Length || s[end] != '&')
        {
            return false;
        }

        var key = end + 1;
        while (key < s.Length && Scanning.IsIdentChar(s[key]))
        {
            key++;
        }

        return key > end + 1 && key < s.Length && s[key] == '=';
    }

    private static bool IsLoneColumn(ReadOnlySpan<char> s, List<SqlToken> t, int j) =>
        t[j].Kind is SqlTokenKind.Word or SqlTokenKind.String && !Text(s, t[j]).ContainsAnyExceptInRange((char)0x20, (char)0x7E)
        && (j + 1 == t.Count || t[j + 1].Kind is SqlTokenKind.Comment or SqlTokenKind.Semicolon or SqlTokenKind.RightParen);

    private static void CheckSelect(in SqlScan c, int i)
    {
        var s = c.S;
        var (t, n) = (c.T, c.N);
        var tok = t[i];
        var inParens = i > 0 && t[i - 1].Kind == SqlTokenKind.LeftParen;
        var hasFrom = FindWord(s, t, i + 1, "from", 24) > 0;
        var into = FindWord(s, t, i + 1, "into", 12);
        if (into > 0 && into + 1 < n && (t[into + 1].Kind == SqlTokenKind.Variable || Is(s, t[into + 1], "outfile") || Is(s, t[into + 1], "dumpfile") || t[i + 1].Kind == SqlTokenKind.Variable))
        {
            c.Add(SqlRules.SelectInto, tok.Start, End(t[into + 1]) - tok.Start);
        }

        var length = End(t[Math.Min(n - 1, i + 2)]) - tok.Start;
        if (inParens)
        {
            c.Add(SqlRules.Pick(c.Strong, SqlRules.Subquery, SqlRules.SubqueryBare), tok.Start, length);
        }
        else if (hasFrom || i == 0)
        {
            var rule = c.Strong && (hasFrom || t[i + 1].Kind != SqlTokenKind.String) ? SqlRules.SelectStatement
                : hasFrom && i == 0 && t[i + 1].Kind != SqlTokenKind.Word ? SqlRules.SelectFromStart
                : hasFrom ? SqlRules.SelectFrom : SqlRules.SelectKeyword;
            c.Add(rule, tok.Start, length);
        }
    }

    // Returns false for an ordinary function (counted towards a chain of functions after the breakout).
    private static bool CheckFunctionCall(in SqlScan c, int i)
    {
        var s = c.S;
        var (t, n) = (c.T, c.N);
        var tok = t[i];
        var w = Text(s, tok);
        var hasArgs = i + 2 < n && t[i + 2].Kind != SqlTokenKind.RightParen;
        // MySQL only parses built-in calls written without a space before '(' (outside IGNORE_SPACE), and prose
        // writes "benchmark (1.5.0-1)"; a spaced call needs a breakout to count.
        var spaced = t[i + 1].Start > End(tok);
        if (SqlVocabulary.IsProbeFunction(w) && hasArgs && (!spaced || c.Strong))
        {
            c.Add(SqlRules.Pick(c.Strong, SqlRules.ProbeFunction, SqlRules.ProbeFunctionBare), tok.Start, End(t[Math.Min(n - 1, i + 3)]) - tok.Start, w.ToString());
            return true;
        }

        if (w.Equals("exp", StringComparison.OrdinalIgnoreCase) && i + 2 < n && Is(s, t[i + 2], "~"))
        {
            c.Add(SqlRules.ExpOverflow, tok.Start, End(t[i + 2]) - tok.Start);
            return true;
        }

        return false;
    }
}

/// <summary>One lexed rendering of a view with what the breakout point tells about it.</summary>
internal readonly ref struct SqlScan
{
    private readonly SqlShapeBuffer _findings;

    private SqlScan(DecodedView view, List<SqlToken> tokens, bool broke, int breakout, int first, bool valuePrefix, bool parenBreak, SqlShapeBuffer findings)
    {
        View = view;
        S = view.Text.AsSpan();
        T = tokens;
        N = tokens.Count;
        Broke = broke;
        Breakout = breakout;
        First = first;
        ValuePrefix = valuePrefix;
        ParenBreak = parenBreak;
        Strong = (broke && valuePrefix) || parenBreak;
        _findings = findings;
    }

    public DecodedView View { get; }

    public ReadOnlySpan<char> S { get; }

    public List<SqlToken> T { get; }

    public int N { get; }

    /// <summary>The input left a quoted string at <see cref="Breakout"/>.</summary>
    public bool Broke { get; }

    public int Breakout { get; }

    /// <summary>First token after the ')' that close the application's parentheses.</summary>
    public int First { get; }

    /// <summary>What precedes the quote looks like a value (admin, 1, a short search), not a sentence.</summary>
    public bool ValuePrefix { get; }

    /// <summary>The input closes a parenthesis or terminates the statement without a quote.</summary>
    public bool ParenBreak { get; }

    /// <summary>A credible breakout: a quote after a value, or a paren break.</summary>
    public bool Strong { get; }

    public static bool TryCreate(DecodedView view, List<SqlToken> t, bool broke, int breakout, SqlShapeBuffer f, out SqlScan scan)
    {
        var s = view.Text.AsSpan();
        var n = t.Count;
        var first = 0;
        while (first < n && t[first].Kind == SqlTokenKind.RightParen)
        {
            first++;
        }

        scan = default;
        // After a real breakout the quote is followed by SQL (an operator, keyword, paren, comment, ';'); an apostrophe
        // in prose is followed by the rest of a word: I'd, Shell's, don't.
        if (broke && first < n && t[first].Kind == SqlTokenKind.Word && !SqlVocabulary.CanFollowBreakout(SqlGrammar.Text(s, t[first]))
            && !(first + 1 < n && t[first + 1].Kind == SqlTokenKind.String && t[first].Length <= 8))
        {
            return false;
        }

        var parenBreak = first > 0 || (!broke && (SqlGrammar.StartsWithValueThenParen(t) || t[0].Kind == SqlTokenKind.Semicolon));
        var valuePrefix = !broke || (breakout <= 40 && s[..breakout].Count(' ') <= 2);
        scan = new SqlScan(view, t, broke, breakout, first, valuePrefix, parenBreak, f);
        return true;
    }

    public void Add(RuleDefinition rule, int start, int length, string? detail = null) => _findings.Add(rule, View, start, length, detail);
}

/// <summary>The strongest match of each shape in one view (see <see cref="SqlRules.Shapes"/>), reported at the end.</summary>
internal sealed class SqlShapeBuffer
{
    private readonly Match[] _best = new Match[SqlRules.Shapes.Length];

    public void Clear() => Array.Clear(_best);

    public void Add(RuleDefinition rule, DecodedView view, int start, int length, string? detail)
    {
        ref var best = ref _best[SqlRules.ShapeOf(rule)];
        if (best.Rule is null || rule.BaseWeight > best.Rule.BaseWeight)
        {
            best = new Match(rule, view, start, length, detail);
        }
    }

    public void Flush(FindingCollector findings)
    {
        foreach (var m in _best)
        {
            if (m.Rule is not null)
            {
                findings.Add(m.Rule, m.View!, m.Start, m.Length, m.Detail);
            }
        }
    }

    private readonly record struct Match(RuleDefinition? Rule, DecodedView? View, int Start, int Length, string? Detail);
}
