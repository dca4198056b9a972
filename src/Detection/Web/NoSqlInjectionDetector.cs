using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Web;

/// <summary>
/// NoSQL (MongoDB-style) injection: query operators smuggled in as object keys — JSON <c>{"$ne": null}</c> or
/// bracket query strings <c>user[$ne]=x</c> — and server-side JavaScript in <c>$where</c>/<c>mapReduce</c> or a
/// JS string breakout (<c>'; return true; var x='</c>, <c>' || 1==1 //</c>). An operator only counts in key
/// position, so a price like "$0.015" or prose mentioning "$gt" does not.
/// </summary>
internal sealed class NoSqlInjectionDetector : IThreatDetector
{
    private const string Cat = ThreatCategory.NoSqlInjection;

    private static readonly HashSet<string> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        "ne", "eq", "gt", "gte", "lt", "lte", "in", "nin", "regex", "where", "exists", "or", "and", "nor", "not", "expr",
        "elemmatch", "all", "size", "type", "mod", "text", "function", "accumulator", "lookup", "jsonschema", "options", "comment",
        "exec", "set", "unset", "push", "rename",
    };

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        foreach (var view in input.Views)
        {
            var s = view.Text.AsSpan();
            if (s.IndexOf('$') >= 0)
            {
                for (var i = s.IndexOf('$'); i >= 0 && i < s.Length;)
                {
                    var k = i + 1;
                    while (k < s.Length && char.IsAsciiLetter(s[k]))
                    {
                        k++;
                    }

                    var name = s[(i + 1)..k];
                    if (name.Length > 1 && Operators.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) && InKeyPosition(s, i, k))
                    {
                        var js = name.Equals("where", StringComparison.OrdinalIgnoreCase) || name.Equals("function", StringComparison.OrdinalIgnoreCase) || name.Equals("accumulator", StringComparison.OrdinalIgnoreCase);
                        findings.Add(Cat, js ? "nosql.server_side_js" : "nosql.operator_injection", js ? 0.97 : 0.88, view, i, Math.Min(s.Length - i, 40), "query operator injected as an object key");
                        return;
                    }

                    var next = s[k..].IndexOf('$');
                    i = next < 0 ? -1 : k + next;
                }
            }

            // JS breakout inside a $where string: ' || '1'=='1, '; return true; //, sleep(...)
            var ret = Scanning.Find(s, "return ");
            if (ret >= 0 && (Scanning.Find(s, "return true") >= 0 || Scanning.Find(s, "return 1") >= 0) && s[..ret].IndexOfAny('\'', '"') >= 0)
            {
                findings.Add(Cat, "nosql.js_breakout", 0.8, view, ret, Math.Min(s.Length - ret, 30), "string breakout returning true from a server-side JavaScript predicate");
                return;
            }

            var eq = s.IndexOf("==", StringComparison.Ordinal);
            if (eq > 0 && (s.IndexOf("||", StringComparison.Ordinal) >= 0 || s.IndexOf("&&", StringComparison.Ordinal) >= 0) && s[..eq].IndexOfAny('\'', '"') >= 0 && (s.IndexOf("this.", StringComparison.Ordinal) >= 0 || Scanning.Find(s, "sleep(") >= 0 || s.IndexOf("'=='", StringComparison.Ordinal) >= 0 || s.IndexOf("\"==\"", StringComparison.Ordinal) >= 0))
            {
                findings.Add(Cat, "nosql.js_breakout", 0.8, view, eq, 4, "JavaScript comparison injected into a server-side predicate");
                return;
            }

            // db.<collection>.<method>( — the MongoDB shell API; this.<field>.match( — a $where predicate.
            var db = Scanning.Find(s, "db.");
            if (db >= 0 && (db == 0 || !Scanning.IsIdentChar(s[db - 1])) && IsDottedCall(s, db + 3, requireDot: false))
            {
                findings.Add(Cat, "nosql.shell_api", 0.8, view, db, Math.Min(s.Length - db, 30), "MongoDB shell API call in input");
                return;
            }

            var self = Scanning.Find(s, "this.");
            if (self >= 0 && IsDottedCall(s, self + 5) && s[..self].IndexOfAny("'\"&|;") >= 0)
            {
                findings.Add(Cat, "nosql.js_breakout", 0.8, view, self, Math.Min(s.Length - self, 30), "document field tested inside an injected server-side predicate");
                return;
            }

            // '; it=new Date(); do { ... } while (pt - it < 5000): a busy loop that delays the server (time-based probe).
            var loop = Scanning.Find(s, "while(");
            if (loop < 0)
            {
                loop = Scanning.Find(s, "while (");
            }

            var endless = Scanning.Find(s, "while(true)") >= 0 || Scanning.Find(s, "while(1)") >= 0 || Scanning.Find(s, "for(;;)") >= 0;
            if (loop >= 0 && (Scanning.Find(s, "new date") >= 0 || endless) && s.IndexOfAny('\'', '"') >= 0)
            {
                findings.Add(Cat, "nosql.js_time_probe", 0.8, view, loop, Math.Min(s.Length - loop, 30), "JavaScript busy loop used as a time-based probe");
                return;
            }
        }
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
