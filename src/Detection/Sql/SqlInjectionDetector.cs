using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Sql;

/// <summary>
/// SQL injection: lexes every view in four quote contexts (unquoted, '...', "...", `...`) and reasons about the
/// token stream after the point where the input would leave the application's string: boolean tautologies, UNION,
/// stacked statements, probing functions, comment truncation and catalogue access. Prose stays benign because it
/// does not form these token shapes (a quote in O'Doherty is followed by a plain word, not by an operator).
/// </summary>
internal sealed class SqlInjectionDetector : IThreatDetector
{
    private const string Cat = ThreatCategory.SqlInjection;

    private static readonly SqlQuoteContext[] Contexts =
        [SqlQuoteContext.Unquoted, SqlQuoteContext.SingleQuoted, SqlQuoteContext.DoubleQuoted, SqlQuoteContext.Backticked];

    [ThreadStatic]
    private static List<SqlToken>? t_tokens;

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        var tokens = t_tokens ??= new List<SqlToken>(64);
        foreach (var view in input.Views)
        {
            if (view.Text.AsSpan().IndexOfAny(SqlTriggers) < 0 && !BenignPrefilter.ContainsKeyword(view.Text))
            {
                continue;
            }

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

            // Filters that delete comments join keywords: UN/**/ION SEL/**/ECT reaches the database as UNION SELECT.
            var comment = view.Text.IndexOf("/*", StringComparison.Ordinal);
            if (comment >= 0)
            {
                var joined = new DecodedView(view.Name + "+joined", JoinComments(view.Text));
                if (SqlLexer.TryLex(joined.Text, SqlQuoteContext.Unquoted, tokens, out var b))
                {
                    Evaluate(joined, tokens, broke: false, b, findings);
                }
            }

            if (findings.Best(Cat) >= 0.95)
            {
                return;
            }
        }
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

    private static readonly System.Buffers.SearchValues<char> SqlTriggers = System.Buffers.SearchValues.Create("'\"`=();-#/|&<>@*");

    private static void Evaluate(DecodedView view, List<SqlToken> t, bool broke, int breakout, FindingCollector f)
    {
        var s = view.Text.AsSpan();
        var n = t.Count;
        if (n == 0)
        {
            return;
        }

        // Leading ')' close the application's parentheses; they count as part of the breakout.
        var first = 0;
        while (first < n && t[first].Kind == SqlTokenKind.RightParen)
        {
            first++;
        }

        // After a real breakout the quote is followed by SQL (an operator, keyword, paren, comment, ';'); an apostrophe
        // in prose is followed by the rest of a word: I'd, Shell's, don't.
        if (broke && first < n && t[first].Kind == SqlTokenKind.Word && !SqlVocabulary.CanFollowBreakout(Text(s, t[first]))
            && !(first + 1 < n && t[first + 1].Kind == SqlTokenKind.String && t[first].Length <= 8))
        {
            return;
        }

        var parenBreak = first > 0 || (!broke && (StartsWithValueThenParen(t) || t[0].Kind == SqlTokenKind.Semicolon));

        // A breakout is credible when what precedes the quote looks like a value (admin, 1, a short search), not
        // when the quote is an apostrophe deep inside a sentence.
        var valuePrefix = !broke || (breakout <= 40 && s[..breakout].Count(' ') <= 2);
        var strong = (broke && valuePrefix) || parenBreak;

        if (broke && valuePrefix && first < n && t[first].Kind == SqlTokenKind.Comment && IsTruncatingComment(s, t[first])
            && s[t[first].Start..].IndexOf(s[breakout]) < 0)
        {
            f.Add(Cat, "sqli.comment_truncation", 0.85, view, breakout, End(t[first]) - breakout, "quote closed and the rest of the query commented out");
        }

        if (broke && valuePrefix && first < n && t[first].Kind == SqlTokenKind.Semicolon && first + 1 < n && IsWord(s, t[first + 1]) && SqlVocabulary.IsStatementStarter(Text(s, t[first + 1])))
        {
            f.Add(Cat, "sqli.stacked_query", 0.95, view, breakout, End(t[Math.Min(n - 1, first + 2)]) - breakout, "quote closed and a second statement started");
        }

        if ((broke ? valuePrefix : first == 0) && first < n && t[first].Kind == SqlTokenKind.Semicolon && (first + 1 == n || t[first + 1].Kind == SqlTokenKind.Comment))
        {
            f.Add(Cat, "sqli.comment_truncation", broke ? 0.75 : 0.6, view, breakout, End(t[n - 1]) - breakout, "quote closed, statement terminated and the rest commented out");
        }

        if (first < n && t[first].Kind == SqlTokenKind.Word && SqlVocabulary.IsStatementStarter(Text(s, t[first])) && StackedStatementShape(s, t, first) && (strong || (first == 0 && !Is(s, t[0], "select") && !Is(s, t[0], "if"))))
        {
            f.Add(Cat, "sqli.statement_injection", strong ? 0.9 : 0.75, view, t[first].Start, End(t[Math.Min(n - 1, first + 2)]) - t[first].Start, "a complete SQL statement where a value was expected");
        }

        if (broke && valuePrefix && first + 1 < n && t[first].Kind == SqlTokenKind.Word && ClauseShape(s, t, first))
        {
            f.Add(Cat, "sqli.clause_after_breakout", 0.8, view, breakout, End(t[Math.Min(n - 1, first + 2)]) - breakout, "quote closed and a SQL clause appended");
        }

        var weakFunctions = 0;
        for (var i = 0; i < n; i++)
        {
            var tok = t[i];
            switch (tok.Kind)
            {
                case SqlTokenKind.Logic:
                    CheckLogic(view, s, t, i, first, broke, strong, f);
                    break;
                case SqlTokenKind.Word when (Is(s, tok, "exec") || Is(s, tok, "execute")) && i + 1 < n && (t[i + 1].Kind == SqlTokenKind.Variable || (t[i + 1].Kind == SqlTokenKind.LeftParen && i + 2 < n && t[i + 2].Kind is SqlTokenKind.Variable or SqlTokenKind.String)):
                    f.Add(Cat, "sqli.dynamic_exec", strong ? 0.9 : 0.8, view, tok.Start, End(t[Math.Min(n - 1, i + 3)]) - tok.Start, "EXEC of a dynamically built SQL string");
                    break;
                case SqlTokenKind.Word:
                    {
                        var w = Text(s, tok);
                        var next = i + 1 < n ? t[i + 1] : default;
                        var hasNext = i + 1 < n;
                        if (w.Equals("union", StringComparison.OrdinalIgnoreCase))
                        {
                            var j = i + 1;
                            while (j < n && (t[j].Kind == SqlTokenKind.LeftParen || (IsWord(s, t[j]) && (Is(s, t[j], "all") || Is(s, t[j], "distinct")))))
                            {
                                j++;
                            }

                            if (j < n && Is(s, t[j], "select"))
                            {
                                f.Add(Cat, "sqli.union_select", 0.95, view, tok.Start, End(t[j]) - tok.Start, "UNION SELECT appends attacker-chosen rows to the result");
                            }
                        }
                        else if (w.Equals("select", StringComparison.OrdinalIgnoreCase) && hasNext && StartsSelectList(s, t, i + 1))
                        {
                            var inParens = i > 0 && t[i - 1].Kind == SqlTokenKind.LeftParen;
                            var hasFrom = FindWord(s, t, i + 1, "from", 24) > 0;
                            var into = FindWord(s, t, i + 1, "into", 12);
                            if (into > 0 && into + 1 < n && (t[into + 1].Kind == SqlTokenKind.Variable || Is(s, t[into + 1], "outfile") || Is(s, t[into + 1], "dumpfile") || t[i + 1].Kind == SqlTokenKind.Variable))
                            {
                                f.Add(Cat, "sqli.select_into", 0.85, view, tok.Start, End(t[into + 1]) - tok.Start, "SELECT ... INTO writes query results to a variable or file");
                            }

                            if (inParens)
                            {
                                f.Add(Cat, "sqli.subquery", strong ? 0.93 : 0.85, view, tok.Start, End(t[Math.Min(n - 1, i + 2)]) - tok.Start, "nested SELECT injected into an expression");
                            }
                            else if (hasFrom || i == 0)
                            {
                                f.Add(Cat, "sqli.select_statement", strong && (hasFrom || t[i + 1].Kind != SqlTokenKind.String) ? 0.9 : hasFrom && i == 0 && t[i + 1].Kind != SqlTokenKind.Word ? 0.75 : hasFrom ? 0.45 : 0.3, view, tok.Start, End(t[Math.Min(n - 1, i + 2)]) - tok.Start, "a SELECT statement where a value was expected");
                            }
                        }
                        else if (hasNext && next.Kind == SqlTokenKind.LeftParen && SqlVocabulary.IsFunction(w))
                        {
                            var hasArgs = i + 2 < n && t[i + 2].Kind != SqlTokenKind.RightParen;
                            // MySQL only parses built-in calls written without a space before '(' (outside IGNORE_SPACE),
                            // and prose writes "benchmark (1.5.0-1)"; a spaced call needs a breakout to count.
                            var spaced = next.Start > tok.Start + tok.Length;
                            if (SqlVocabulary.IsProbeFunction(w) && hasArgs && (!spaced || strong))
                            {
                                f.Add(Cat, "sqli.probe_function", strong ? 0.95 : 0.85, view, tok.Start, End(t[Math.Min(n - 1, i + 3)]) - tok.Start, "time-, error- or file-based probing function call");
                            }
                            else if (w.Equals("exp", StringComparison.OrdinalIgnoreCase) && i + 2 < n && Is(s, t[i + 2], "~"))
                            {
                                f.Add(Cat, "sqli.probe_function", 0.9, view, tok.Start, End(t[i + 2]) - tok.Start, "EXP(~...) overflow used for error-based extraction");
                            }
                            else
                            {
                                weakFunctions++;
                            }
                        }
                        else if (w.StartsWith("utl_", StringComparison.OrdinalIgnoreCase) || w.StartsWith("dbms_", StringComparison.OrdinalIgnoreCase) || w.StartsWith("sys.dbms_", StringComparison.OrdinalIgnoreCase))
                        {
                            // Oracle packages for out-of-band requests, DNS lookups and delays; no prose uses them.
                            f.Add(Cat, "sqli.probe_function", strong || (i > 0 && t[i - 1].Kind == SqlTokenKind.Logic) ? 0.9 : 0.75, view, tok.Start, tok.Length, "Oracle package used for out-of-band or time-based probing");
                        }
                        else if (w.Equals("waitfor", StringComparison.OrdinalIgnoreCase) && hasNext && (Is(s, next, "delay") || Is(s, next, "time")))
                        {
                            f.Add(Cat, "sqli.probe_function", strong ? 0.95 : 0.9, view, tok.Start, End(next) - tok.Start, "WAITFOR DELAY time-based probe");
                        }
                        else if (SqlVocabulary.IsSystemObject(w) && i > 0 && (Is(s, t[i - 1], "from") || Is(s, t[i - 1], "join") || t[i - 1].Kind == SqlTokenKind.Comma && strong))
                        {
                            f.Add(Cat, "sqli.system_catalog", strong ? 0.85 : 0.7, view, tok.Start, tok.Length, "reference to the database's system catalogue");
                        }
                        else if (w.Equals("case", StringComparison.OrdinalIgnoreCase) && hasNext && (Is(s, next, "when") || FindWord(s, t, i + 1, "when", 4) > 0) && FindWord(s, t, i + 1, "then", 16) > 0)
                        {
                            f.Add(Cat, "sqli.conditional", strong ? 0.85 : 0.7, view, tok.Start, End(next) - tok.Start, "CASE WHEN ... THEN used for blind inference");
                        }
                        else if ((w.Equals("order", StringComparison.OrdinalIgnoreCase) || w.Equals("group", StringComparison.OrdinalIgnoreCase)) && hasNext && Is(s, next, "by") && i + 2 < n && t[i + 2].Kind == SqlTokenKind.Number && (i + 3 == n || t[i + 3].Kind is SqlTokenKind.Comment or SqlTokenKind.Comma or SqlTokenKind.Semicolon))
                        {
                            f.Add(Cat, "sqli.order_by_probe", strong ? 0.9 : 0.7, view, tok.Start, End(t[i + 2]) - tok.Start, "ORDER BY n used to count the query's columns");
                        }

                        break;
                    }
                case SqlTokenKind.Variable when tok.Length > 2 && s[tok.Start + 1] == '@' && (tok.Start == 0 || !Scanning.IsIdentChar(s[tok.Start - 1])):
                    f.Add(Cat, "sqli.server_variable", strong ? 0.85 : 0.7, view, tok.Start, tok.Length, "reads a server variable such as @@version");
                    break;
                case SqlTokenKind.Semicolon when i + 1 < n && IsWord(s, t[i + 1]) && SqlVocabulary.IsStatementStarter(Text(s, t[i + 1])) && StackedStatementShape(s, t, i + 1):
                    f.Add(Cat, "sqli.stacked_query", strong ? 0.95 : 0.85, view, tok.Start, End(t[Math.Min(n - 1, i + 2)]) - tok.Start, "statement terminator followed by a second statement");
                    break;
                case SqlTokenKind.Number when tok.Length >= 18 && s[tok.Start + 1] is 'x' or 'X' && HexEncodesStatement(s.Slice(tok.Start + 2, tok.Length - 2)):
                    f.Add(Cat, "sqli.hex_encoded_statement", 0.82, view, tok.Start, tok.Length, "hex literal that decodes to a SQL statement (dynamic SQL smuggling)");
                    break;
                case SqlTokenKind.Comment when !tok.Closed:
                    f.Add(Cat, "sqli.executable_comment", 0.7, view, tok.Start, tok.Length, "MySQL executable comment /*!...*/ hides SQL from filters");
                    break;
                case SqlTokenKind.Operator when IsComparison(s, tok) && i > 0 && i + 1 < n && SameLiteral(s, t[i - 1], t[i + 1]):
                    f.Add(Cat, "sqli.tautology", strong ? 0.9 : 0.72, view, t[i - 1].Start, End(t[i + 1]) - t[i - 1].Start, "comparison of a literal with itself is always true");
                    break;
            }
        }

        if (weakFunctions >= 2 && strong)
        {
            f.Add(Cat, "sqli.function_chain", 0.75, view, breakout, Math.Min(s.Length - breakout, 40), "several SQL functions called after the breakout");
        }
    }

    private static void CheckLogic(DecodedView view, ReadOnlySpan<char> s, List<SqlToken> t, int i, int first, bool broke, bool strong, FindingCollector f)
    {
        var parenBreak = strong && !broke;
        var n = t.Count;
        var leading = i == first;
        var leftKind = i > 0 ? t[i - 1].Kind : SqlTokenKind.Other;
        var leftIsValue = leftKind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.RightParen or SqlTokenKind.Variable;

        var comparison = false;
        var subselect = false;
        var function = false;
        var literalOperands = 0;
        var plainWords = 0;
        var j = i + 1;
        for (; j < n && j - i <= 14; j++)
        {
            var k = t[j];
            if (k.Kind is SqlTokenKind.Logic or SqlTokenKind.Semicolon or SqlTokenKind.Comment)
            {
                break;
            }

            // Markup (<paramref ...>) or two ordinary words before the comparison: a sentence, not a condition.
            if (k.Kind == SqlTokenKind.Operator && s[k.Start] == '<' && k.Length == 1 && k.Start + 1 < s.Length && char.IsAsciiLetter(s[k.Start + 1]))
            {
                return;
            }

            if (!comparison && k.Kind == SqlTokenKind.Word && !SqlVocabulary.CanFollowBreakout(Text(s, k)) && !(j + 1 < n && t[j + 1].Kind == SqlTokenKind.LeftParen) && ++plainWords >= 2)
            {
                return;
            }

            if (k.Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.Variable)
            {
                literalOperands++;
            }

            if (k.Kind == SqlTokenKind.Operator && IsComparison(s, k))
            {
                // A comparison needs an operand on both sides inside the appended condition: "1=1", not ">2.4 && <3.6".
                comparison |= j > i + 1 && IsOperand(t[j - 1]) && j + 1 < n && (IsOperand(t[j + 1]) || t[j + 1].Kind == SqlTokenKind.LeftParen);
            }
            else if (k.Kind == SqlTokenKind.Word)
            {
                var w = Text(s, k);
                if (SqlVocabulary.IsComparisonWord(w))
                {
                    comparison |= ComparisonWordShape(s, t, j);
                }
                else if (w.Equals("select", StringComparison.OrdinalIgnoreCase) || w.Equals("exists", StringComparison.OrdinalIgnoreCase))
                {
                    subselect = true;
                }
                else if (j + 1 < n && t[j + 1].Kind == SqlTokenKind.LeftParen && SqlVocabulary.IsFunction(w))
                {
                    function = true;
                }
            }
        }

        var rightEnd = j < n ? j : n;
        var selfEqual = false;
        for (var k = i + 2; k + 1 < rightEnd; k++)
        {
            if (IsComparison(s, t[k]) && Text(s, t[k]) is "=" or "==" or "<=>" && SameOperand(s, t[k - 1], t[k + 1]))
            {
                comparison = true;
                selfEqual = true;
                literalOperands = Math.Max(literalOperands, 2);
            }
        }

        var truthyAlone = rightEnd == i + 2 && (t[i + 1].Kind is SqlTokenKind.Number || (t[i + 1].Kind == SqlTokenKind.String && t[i + 1].Closed && Text(s, t[i + 1]).Trim("'\"").Length is > 0 and <= 12 && Text(s, t[i + 1]).IndexOfAny(" <>") < 0) || Is(s, t[i + 1], "true"))
            && (rightEnd == n || t[rightEnd].Kind == SqlTokenKind.Comment);
        var shaped = comparison || subselect || function;
        double confidence;
        if (broke && leading && (shaped || truthyAlone))
        {
            confidence = strong ? 0.92 : 0.45;
        }
        else if ((broke || parenBreak) && shaped && (leftIsValue || leading))
        {
            confidence = 0.88;
        }
        else if (shaped && leftIsValue && (literalOperands >= 2 || subselect || function))
        {
            confidence = subselect || function ? 0.82 : 0.78;
        }
        else if (leading && i == 0 && comparison && (literalOperands >= 2 || function || subselect))
        {
            confidence = 0.7;
        }
        else if (leading && i == 0 && ((truthyAlone || function) && rightEnd < n || subselect))
        {
            confidence = 0.6;
        }
        else if (broke && strong && leading && rightEnd == i + 2 && t[i + 1].Kind == SqlTokenKind.String && i + 2 == n)
        {
            // admin' or ' — the application's closing quote completes the appended condition.
            confidence = 0.6;
        }
        else if (selfEqual)
        {
            confidence = 0.75;
        }
        else
        {
            return;
        }

        var last = t[Math.Max(i, rightEnd - 1)];
        f.Add(Cat, "sqli.boolean_injection", confidence, view, t[i].Start, End(last) - t[i].Start, "boolean operator appends an always-true or inferential condition");
    }

    // 0x7761697466... or UTF-16 0x770061... decoded, NULs skipped, and tested for a statement keyword.
    private static bool HexEncodesStatement(ReadOnlySpan<char> hex)
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

    private static bool IsOperand(SqlToken k) => k.Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.Word or SqlTokenKind.Variable or SqlTokenKind.RightParen && k.Closed;

    // like/rlike/regexp 'x', in (...), is [not] null, between a and b: the comparison words with their operands.
    private static bool ComparisonWordShape(ReadOnlySpan<char> s, List<SqlToken> t, int j)
    {
        if (j + 1 >= t.Count)
        {
            return false;
        }

        var next = t[j + 1];
        var w = Text(s, t[j]);
        if (w.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            return next.Kind == SqlTokenKind.LeftParen;
        }

        if (w.Equals("is", StringComparison.OrdinalIgnoreCase))
        {
            return Is(s, next, "null") || Is(s, next, "not") || Is(s, next, "true") || Is(s, next, "false");
        }

        return next.Kind is SqlTokenKind.Number or SqlTokenKind.LeftParen || (next.Kind == SqlTokenKind.String && next.Closed)
            || (next.Kind == SqlTokenKind.Word && j + 2 < t.Count && t[j + 2].Kind == SqlTokenKind.LeftParen);
    }

    // order by / group by, where <cond>, having, limit n, into outfile, procedure analyse, union: grammar after a breakout.
    private static bool ClauseShape(ReadOnlySpan<char> s, List<SqlToken> t, int first)
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

        if (Is(s, w, "rlike") || Is(s, w, "regexp") || Is(s, w, "like") || Is(s, w, "sounds"))
        {
            return next.Kind is SqlTokenKind.LeftParen or SqlTokenKind.Number || (next.Kind == SqlTokenKind.String && next.Closed);
        }

        return false;
    }

    // Whether a comment token right after a breakout truncates the query.
    private static bool IsTruncatingComment(ReadOnlySpan<char> s, SqlToken c)
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

    private static bool StartsWithValueThenParen(List<SqlToken> t) =>
        t.Count > 2 && t[0].Kind is SqlTokenKind.Number or SqlTokenKind.Word && t[1].Kind == SqlTokenKind.RightParen;

    private static bool StartsSelectList(ReadOnlySpan<char> s, List<SqlToken> t, int j)
    {
        var k = t[j];
        return k.Kind switch
        {
            SqlTokenKind.Number or SqlTokenKind.Variable or SqlTokenKind.LeftParen => true,
            SqlTokenKind.String => k.Closed && j + 1 < t.Count && t[j + 1].Kind is SqlTokenKind.Comma or SqlTokenKind.Operator or SqlTokenKind.Logic or SqlTokenKind.Word,
            SqlTokenKind.Operator => Is(s, k, "*"),
            SqlTokenKind.Word => (j + 1 < t.Count && t[j + 1].Kind is SqlTokenKind.LeftParen or SqlTokenKind.Comma)
                || Is(s, k, "case") || Is(s, k, "distinct") || Is(s, k, "top") || Is(s, k, "all") || Is(s, k, "null")
                || (j + 1 < t.Count && Is(s, t[j + 1], "from") && j + 2 < t.Count && t[j + 2].Kind == SqlTokenKind.Word),
            _ => false,
        };
    }

    private static bool StackedStatementShape(ReadOnlySpan<char> s, List<SqlToken> t, int j)
    {
        var w = Text(s, t[j]);
        var next = j + 1 < t.Count ? t[j + 1] : default;
        if (j + 1 >= t.Count)
        {
            return w.Equals("shutdown", StringComparison.OrdinalIgnoreCase);
        }

        if (w.Equals("select", StringComparison.OrdinalIgnoreCase))
        {
            return StartsSelectList(s, t, j + 1);
        }

        if (w.Equals("drop", StringComparison.OrdinalIgnoreCase) || w.Equals("create", StringComparison.OrdinalIgnoreCase) || w.Equals("alter", StringComparison.OrdinalIgnoreCase) || w.Equals("truncate", StringComparison.OrdinalIgnoreCase))
        {
            return Is(s, next, "table") || Is(s, next, "database") || Is(s, next, "user") || Is(s, next, "procedure") || Is(s, next, "function") || Is(s, next, "view") || Is(s, next, "login") || Is(s, next, "schema") || Is(s, next, "index") || Is(s, next, "trigger");
        }

        if (w.Equals("insert", StringComparison.OrdinalIgnoreCase) || w.Equals("replace", StringComparison.OrdinalIgnoreCase))
        {
            return Is(s, next, "into");
        }

        if (w.Equals("delete", StringComparison.OrdinalIgnoreCase))
        {
            return Is(s, next, "from");
        }

        if (w.Equals("update", StringComparison.OrdinalIgnoreCase))
        {
            return FindWord(s, t, j + 1, "set", 4) > 0;
        }

        if (w.Equals("exec", StringComparison.OrdinalIgnoreCase) || w.Equals("execute", StringComparison.OrdinalIgnoreCase))
        {
            var target = Text(s, next);
            return next.Kind is SqlTokenKind.LeftParen or SqlTokenKind.Variable || Is(s, next, "immediate")
                || (next.Kind == SqlTokenKind.Word && (target.StartsWith("xp_", StringComparison.OrdinalIgnoreCase) || target.StartsWith("sp_", StringComparison.OrdinalIgnoreCase) || target.StartsWith("master.", StringComparison.OrdinalIgnoreCase) || target.StartsWith("dbo.", StringComparison.OrdinalIgnoreCase)));
        }

        if (w.Equals("desc", StringComparison.OrdinalIgnoreCase) || w.Equals("describe", StringComparison.OrdinalIgnoreCase))
        {
            return next.Kind == SqlTokenKind.Word && (j + 2 >= t.Count || t[j + 2].Kind is SqlTokenKind.Semicolon or SqlTokenKind.Comment);
        }

        if (w.Equals("show", StringComparison.OrdinalIgnoreCase))
        {
            return Is(s, next, "tables") || Is(s, next, "databases") || Is(s, next, "grants") || Is(s, next, "variables") || Is(s, next, "columns") || Is(s, next, "schemas");
        }

        if (w.Equals("begin", StringComparison.OrdinalIgnoreCase))
        {
            return next.Kind == SqlTokenKind.Word && SqlVocabulary.IsStatementStarter(Text(s, next)) && StackedStatementShape(s, t, j + 1);
        }

        if (w.Equals("declare", StringComparison.OrdinalIgnoreCase) || w.Equals("set", StringComparison.OrdinalIgnoreCase))
        {
            return next.Kind == SqlTokenKind.Variable;
        }

        if (w.Equals("waitfor", StringComparison.OrdinalIgnoreCase))
        {
            return Is(s, next, "delay") || Is(s, next, "time");
        }

        if (w.Equals("call", StringComparison.OrdinalIgnoreCase))
        {
            return next.Kind == SqlTokenKind.Word && j + 2 < t.Count && t[j + 2].Kind == SqlTokenKind.LeftParen;
        }

        if (w.Equals("if", StringComparison.OrdinalIgnoreCase))
        {
            return next.Kind == SqlTokenKind.LeftParen || FindWord(s, t, j + 1, "waitfor", 12) > 0;
        }

        return w.Equals("shutdown", StringComparison.OrdinalIgnoreCase) || w.Equals("grant", StringComparison.OrdinalIgnoreCase) && FindWord(s, t, j + 1, "to", 8) > 0;
    }

    private static bool IsComparison(ReadOnlySpan<char> s, SqlToken k)
    {
        if (k.Kind != SqlTokenKind.Operator)
        {
            return false;
        }

        var op = Text(s, k);
        // "==" is JavaScript's equality, left to the NoSQL detector.
        return op is "=" or "<" or ">" or "<=" or ">=" or "<>" or "!=" or "<=>" or "!<" or "!>";
    }

    private static bool SameOperand(ReadOnlySpan<char> s, SqlToken a, SqlToken b) =>
        a.Kind == b.Kind && a.Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.Word && a.Closed && b.Closed
        && Content(s, a).Equals(Content(s, b), StringComparison.OrdinalIgnoreCase);

    // A string's value without its quotes; the last string may be closed by the application's own quote.
    private static ReadOnlySpan<char> Content(ReadOnlySpan<char> s, SqlToken k) =>
        k.Kind == SqlTokenKind.String ? Text(s, k).Trim(s[k.Start]) : Text(s, k);

    private static bool SameLiteral(ReadOnlySpan<char> s, SqlToken a, SqlToken b) =>
        a.Kind == b.Kind && a.Kind is SqlTokenKind.Number or SqlTokenKind.String && a.Closed && b.Closed
        && Content(s, a).Equals(Content(s, b), StringComparison.OrdinalIgnoreCase);

    private static int FindWord(ReadOnlySpan<char> s, List<SqlToken> t, int from, string word, int within)
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

    private static bool IsWord(ReadOnlySpan<char> s, SqlToken k) => k.Kind == SqlTokenKind.Word;

    private static bool Is(ReadOnlySpan<char> s, SqlToken k, string text) =>
        k.Length == text.Length && s.Slice(k.Start, k.Length).Equals(text, StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> Text(ReadOnlySpan<char> s, SqlToken k) => s.Slice(k.Start, k.Length);

    private static int End(SqlToken k) => k.Start + k.Length;
}
