using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Web;

/// <summary>
/// NoSQL (MongoDB-style) injection: query operators smuggled in as object keys — JSON <c>{"$ne": null}</c> or
/// bracket query strings <c>user[$ne]=x</c> — and server-side JavaScript in <c>$where</c>/<c>mapReduce</c> or a
/// JS string breakout (<c>'; return true; var x='</c>, <c>' || 1==1 //</c>). An operator only counts in key
/// position, so a price like "$0.015" or prose mentioning "$gt" does not.
/// </summary>
internal sealed class NoSqlInjectionDetector : IViewDetector
{
    private static readonly HashSet<string> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        "ne", "eq", "gt", "gte", "lt", "lte", "in", "nin", "regex", "where", "exists", "or", "and", "nor", "not", "expr",
        "elemmatch", "all", "size", "type", "mod", "text", "function", "accumulator", "lookup", "jsonschema", "options", "comment",
        "exec", "set", "unset", "push", "rename", "match", "group", "unionwith", "out", "merge", "project", "addfields",
        "geowithin", "near", "bitsallset", "slice",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OperatorLookup = Operators.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Family => ThreatCategory.NoSqlInjection;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text.AsSpan();
        _ = CheckOperatorKeys(view, s, findings) || CheckJsBreakout(view, s, findings) || CheckJsStatementBreakout(view, s, findings)
            || CheckWherePredicate(view, s, findings) || CheckShellApi(view, s, findings) || CheckTimeProbe(view, s, findings);
    }

    // x'; return true; var y=' , x' || 1==1// , '; sleep(5000); var y=' — the value leaves a JavaScript string of a
    // $where predicate with ';', '||' or '&&' and continues with JavaScript (return, var, ==, this., sleep(, //).
    private static bool CheckJsStatementBreakout(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        var quote = s.IndexOfAny('\'', '"');
        if (quote < 0 || quote > 40 || s.Length > 300)
        {
            return false;
        }

        var k = Scanning.SkipSpaces(s, quote + 1);
        var glue = k < s.Length && s[k] == ';' ? 1 : k + 1 < s.Length && s[k] is '|' or '&' && s[k + 1] == s[k] ? 2 : 0;
        if (glue == 0)
        {
            return false;
        }

        var rest = s[(k + glue)..];
        var sleep = Scanning.Find(rest, "sleep(");
        if (sleep >= 0 && glue == 1 && (Scanning.Find(rest, "var ") >= 0 || rest.TrimEnd().EndsWith(";" + s[quote]) || rest.TrimEnd().EndsWith(s[quote].ToString())))
        {
            findings.Add(NoSqlRules.JsSleepBreakout, view, quote, Math.Min(s.Length - quote, 40));
            return true;
        }

        var js = Scanning.Find(rest, "return ") >= 0 || Scanning.Find(rest, "var ") >= 0 || rest.IndexOf("==", StringComparison.Ordinal) >= 0
            || rest.IndexOf("this.", StringComparison.Ordinal) >= 0 || rest.TrimEnd().EndsWith("//", StringComparison.Ordinal);
        if (js)
        {
            // this.<field> has no meaning in SQL: the same breakout shape is a $where predicate.
            var rule = rest.IndexOf("this.", StringComparison.Ordinal) >= 0 ? NoSqlRules.JsFieldBreakout : NoSqlRules.JsBreakout;
            findings.Add(rule, view, quote, Math.Min(s.Length - quote, 40), "statement or operator after the string");
        }

        return js;
    }

    // A whole $where predicate as the value: this.field == 'x', 0;return true. (A serialised function() {...} is
    // left alone: real forms post them.)
    private static bool CheckWherePredicate(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        var t = s.Trim();
        if (t.Length > 200)
        {
            return false;
        }

        var field = t.StartsWith("this.", StringComparison.Ordinal) ? FieldTest(t, 5) : false;
        var ret = Scanning.Find(t, ";return ") is var r && r >= 0 && r <= 20 && (Scanning.Find(t, "return true") >= 0 || Scanning.Find(t, "return 1") >= 0 || Scanning.Find(t, "return this.") >= 0);
        if (field || ret)
        {
            findings.Add(NoSqlRules.WherePredicate, view, 0, Math.Min(s.Length, 40));
            return true;
        }

        return false;
    }

    // this.<field> followed by a JavaScript comparison or a method call.
    private static bool FieldTest(ReadOnlySpan<char> s, int i)
    {
        var start = i;
        while (i < s.Length && (Scanning.IsIdentChar(s[i]) || s[i] is '.' or '[' or ']'))
        {
            i++;
        }

        var k = Scanning.SkipSpaces(s, i);
        return i > start && k + 1 < s.Length && ((s[k] is '=' or '!' && s[k + 1] == '=') || s[k] == '(');
    }

    // {"$ne": 1}, user[$ne]=1, $where: ... — an operator name in key position.
    private static bool CheckOperatorKeys(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        for (var i = s.IndexOf('$'); i >= 0 && i < s.Length;)
        {
            var k = i + 1;
            while (k < s.Length && char.IsAsciiLetter(s[k]))
            {
                k++;
            }

            var name = s[(i + 1)..k];
            if (name.Length > 1 && OperatorLookup.Contains(name) && InKeyPosition(s, i, k))
            {
                var js = name.Equals("where", StringComparison.OrdinalIgnoreCase) || name.Equals("function", StringComparison.OrdinalIgnoreCase) || name.Equals("accumulator", StringComparison.OrdinalIgnoreCase);
                findings.Add(js ? NoSqlRules.ServerSideJs : NoSqlRules.OperatorInjection, view, i, Math.Min(s.Length - i, 40), name.ToString());
                return true;
            }

            var next = s[k..].IndexOf('$');
            i = next < 0 ? -1 : k + next;
        }

        return false;
    }

    // JS breakout inside a $where string: ' || '1'=='1, '; return true; //, this.password.match(...)
    private static bool CheckJsBreakout(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        var ret = Scanning.Find(s, "return ");
        if (ret >= 0 && (Scanning.Find(s, "return true") >= 0 || Scanning.Find(s, "return 1") >= 0) && s[..ret].IndexOfAny('\'', '"') >= 0)
        {
            findings.Add(NoSqlRules.JsBreakout, view, ret, Math.Min(s.Length - ret, 30), "returns true from the predicate");
            return true;
        }

        var eq = s.IndexOf("==", StringComparison.Ordinal);
        if (eq > 0 && (s.IndexOf("||", StringComparison.Ordinal) >= 0 || s.IndexOf("&&", StringComparison.Ordinal) >= 0) && s[..eq].IndexOfAny('\'', '"') >= 0
            && (s.IndexOf("this.", StringComparison.Ordinal) >= 0 || Scanning.Find(s, "sleep(") >= 0 || s.IndexOf("'=='", StringComparison.Ordinal) >= 0 || s.IndexOf("\"==\"", StringComparison.Ordinal) >= 0))
        {
            findings.Add(NoSqlRules.JsBreakout, view, eq, 4, "JavaScript comparison");
            return true;
        }

        var self = Scanning.Find(s, "this.");
        if (self >= 0 && IsDottedCall(s, self + 5) && s[..self].IndexOfAny("'\"&|;") >= 0)
        {
            findings.Add(NoSqlRules.JsBreakout, view, self, Math.Min(s.Length - self, 30), "document field tested");
            return true;
        }

        return false;
    }

    // db.<collection>.<method>( — the MongoDB shell API.
    private static bool CheckShellApi(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        var db = Scanning.Find(s, "db.");
        if (db >= 0 && (db == 0 || !Scanning.IsIdentChar(s[db - 1])) && IsDottedCall(s, db + 3, requireDot: false))
        {
            findings.Add(NoSqlRules.ShellApi, view, db, Math.Min(s.Length - db, 30));
            return true;
        }

        return false;
    }

    // '; it=new Date(); do { ... } while (pt - it < 5000): a busy loop that delays the server (time-based probe).
    private static bool CheckTimeProbe(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        var loop = Scanning.Find(s, "while(");
        if (loop < 0)
        {
            loop = Scanning.Find(s, "while (");
        }

        var endless = Scanning.Find(s, "while(true)") >= 0 || Scanning.Find(s, "while(1)") >= 0 || Scanning.Find(s, "for(;;)") >= 0;
        if (loop >= 0 && ((Scanning.Find(s, "new date") >= 0 && s.IndexOfAny('\'', '"') >= 0) || (endless && s.IndexOfAny("'\";") >= 0)))
        {
            findings.Add(NoSqlRules.JsTimeProbe, view, loop, Math.Min(s.Length - loop, 30));
            return true;
        }

        return false;
    }

    // ident.ident...( within a short distance
    private static bool IsDottedCall(ReadOnlySpan<char> s, int i, bool requireDot = true)
    {
        var start = i;
        while (i < s.Length && i - start < 60 && (Scanning.IsIdentChar(s[i]) || s[i] == '.'))
        {
            i++;
        }

        return i > start && i < s.Length && s[i] == '(' && (!requireDot || s[start..i].IndexOf('.') > 0);
    }

    private static bool InKeyPosition(ReadOnlySpan<char> s, int dollar, int end)
    {
        var before = dollar - 1;
        var quotedBefore = before >= 0 && s[before] is '"' or '\'';
        var bracketBefore = before >= 0 && s[before] == '[';
        var after = end < s.Length ? s[end] : '\0';
        if (bracketBefore && after == ']')
        {
            return true;
        }

        if (quotedBefore && after is '"' or '\'')
        {
            var k = Scanning.SkipSpaces(s, end + 1);
            return k < s.Length && s[k] == ':';
        }

        if (after == ':' || (after == ' ' && Scanning.SkipSpaces(s, end) < s.Length && s[Scanning.SkipSpaces(s, end)] == ':'))
        {
            var k = before;
            while (k >= 0 && s[k] == ' ')
            {
                k--;
            }

            // {$ne: 1}, , $where: ..., or the key at the very start of an injected object body.
            return k < 0 || s[k] is '{' or ',' or '\'' or '"';
        }

        return false;
    }
}
