using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// JavaScript the input would add to a page when reflected into a script block, a JS string or an event handler:
/// string breakouts into a sink call, sinks called indirectly (aliases, computed members, the Function
/// constructor), decoded-then-evaluated payloads, dynamic imports and symbol-only (JSFuck) code.
/// </summary>
internal static class XssScript
{
    private static readonly string[] GlobalObjects = ["top", "window", "self", "parent", "frames", "globalthis", "this", "content", "opener", "document"];

    private static readonly string[] Decoders = ["atob", "unescape", "decodeuri", "decodeuricomponent", "string.fromcharcode"];

    public static void Inspect(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        InspectSinkCalls(view, s, f);
        InspectSinkAliases(view, s, f);
        InspectComputedCalls(view, s, f);
        InspectFunctionConstructor(view, s, f);
        InspectDynamicImport(view, s, f);
        InspectSymbolOnlyScript(view, s, f);
    }

    // ';alert(1)//  "-confirm`1`-"  \";prompt(1);//  — or a bare sink call. What precedes the call tells whether a
    // string is being broken out of or a function merely mentioned.
    private static void InspectSinkCalls(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var i = s.IndexOfAny('(', '`'); i >= 0; i = NextCallChar(s, i))
        {
            var start = JsSinks.CalleeStart(s, i, out var nameEnd);
            if (start < 0 || (s[i] == '`' && start > 0 && s[start - 1] == '`'))
            {
                continue;
            }

            var name = s[start..nameEnd];
            if (!JsSinks.IsSink(name))
            {
                continue;
            }

            if (IsEncodedEval(s, i, name))
            {
                f.Add(XssRules.EncodedPayloadEval, view, start, Math.Min(s.Length - start, i - start + 24));
            }

            ClassifyCall(view, s, start, i, name, f);
        }
    }

    private static void ClassifyCall(DecodedView view, ReadOnlySpan<char> s, int start, int call, ReadOnlySpan<char> name, FindingCollector f)
    {
        var p = start - 1;
        while (p >= 0 && s[p] is ' ' or '\t')
        {
            p--;
        }

        var afterOperator = p >= 0 && s[p] is ';' or '-' or '+' or '*' or '|' or '&' or ',' or '{' or '}' or '>' or '/' or '(' or '[' or ':' or '!' or '~' or '?' or '=';
        var q = p;
        while (q >= 0 && s[q] is ';' or '-' or '+' or '*' or '|' or '&' or ',' or ')' or ' ' or '}' or '/' or '>' or '(' or '[' or '!' or '~')
        {
            q--;
        }

        var quoteBreak = q >= 0 && s[q] is '\'' or '"' or '`' && q < p;
        var args = s[(call + 1)..];
        var closes = s[call] == '`' ? args.IndexOf('`') >= 0 : args.IndexOf(')') >= 0;
        if (!closes && !quoteBreak)
        {
            return;
        }

        if (quoteBreak)
        {
            f.Add(XssRules.JsStringBreakout, view, q, Math.Min(s.Length - q, call - q + 16));
        }
        else if (JsSinks.IsProofSink(name))
        {
            f.Add(afterOperator || start == 0 ? XssRules.JsSinkCall : XssRules.InlineSinkCall, view, start, Math.Min(s.Length - start, call - start + 16));
        }
    }

    // eval(atob('...')), setTimeout(unescape('%61...')), Function(String.fromCharCode(...))()
    private static bool IsEncodedEval(ReadOnlySpan<char> s, int call, ReadOnlySpan<char> name)
    {
        var last = name[(name.LastIndexOf('.') + 1)..];
        if (s[call] != '(' || !(last.Equals("eval", StringComparison.OrdinalIgnoreCase) || last.StartsWith("set", StringComparison.OrdinalIgnoreCase)
            || last.Equals("function", StringComparison.OrdinalIgnoreCase) || last.Equals("constructor", StringComparison.OrdinalIgnoreCase) || last.Equals("execscript", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var arg = Scanning.SkipSpaces(s, call + 1);
        foreach (var decoder in Decoders)
        {
            if (Scanning.At(s, arg, decoder) && Scanning.SkipSpaces(s, arg + decoder.Length) is var open && open < s.Length && s[open] == '(')
            {
                return true;
            }
        }

        return false;
    }

    // onerror=alert;throw 1   x=eval   [1].map(alert)   setTimeout(confirm, 0) — the sink as a value.
    private static void InspectSinkAliases(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var i = s.IndexOfAny('=', '('); i >= 0 && i + 1 < s.Length; i = Next(s, i))
        {
            var c = s[i];
            if (c == '(' && (i == 0 || !Scanning.IsIdentChar(s[i - 1])))
            {
                continue; // a callback is passed to a call: name( ... ; a bare '(' is grouping, read elsewhere
            }

            var k = Scanning.SkipSpaces(s, i + 1);
            var start = k;
            while (k < s.Length && (Scanning.IsIdentChar(s[k]) || s[k] == '.'))
            {
                k++;
            }

            var name = s[start..k];
            var end = Scanning.SkipSpaces(s, k);
            var lineBreak = s[k..end].IndexOfAny('\n', '\r') >= 0;
            var ends = c == '=' ? end >= s.Length || lineBreak || s[end] is ';' or ',' : end < s.Length && s[end] is ')' or ',';
            if (name.Length >= 4 && ends && JsSinks.IsCallableValue(name))
            {
                f.Add(XssRules.SinkAlias, view, i, k - i);
                return;
            }
        }
    }

    // top['al'+'ert'](1)  window[atob('ZXZhbA==')](...)  self[/al/.source+/ert/.source]`1`  (alert)(1)  (0,eval)('...')
    private static void InspectComputedCalls(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var i = s.IndexOfAny('(', '`'); i >= 0; i = NextCallChar(s, i))
        {
            var k = i - 1;
            while (k >= 0 && s[k] is ' ' or '\t')
            {
                k--;
            }

            if (k < 1 || s[k] is not ']' and not ')')
            {
                continue;
            }

            var open = MatchingOpen(s, k);
            if (open < 0)
            {
                continue;
            }

            var inner = s[(open + 1)..k];
            var computed = s[k] == ']' && IsGlobalObjectBefore(s, open) && inner.Length > 0 && !IsDigits(inner);
            var grouped = s[k] == ')' && IsGroupedSink(inner) && (open == 0 || !Scanning.IsIdentChar(s[open - 1]));
            if (computed || grouped)
            {
                f.Add(XssRules.ComputedSinkCall, view, open, Math.Min(s.Length - open, i - open + 16));
                return;
            }
        }
    }

    // (alert)  (0,eval)  (1, window.confirm)
    private static bool IsGroupedSink(ReadOnlySpan<char> inner)
    {
        var comma = inner.LastIndexOf(',');
        var name = (comma >= 0 ? inner[(comma + 1)..] : inner).Trim();
        return name.Length >= 4 && JsSinks.IsCallableValue(name) && name.IndexOfAny(' ', '(', '\'') < 0;
    }

    private static bool IsGlobalObjectBefore(ReadOnlySpan<char> s, int bracket)
    {
        var k = bracket - 1;
        if (k >= 1 && s[k] == '.' && s[k - 1] == '?')
        {
            k -= 2;
        }

        foreach (var g in GlobalObjects)
        {
            var at = k - g.Length + 1;
            if (at >= 0 && Scanning.WordAt(s, at, g))
            {
                return true;
            }
        }

        return false;
    }

    // [].constructor.constructor('...')()  x.constructor['constructor'](...)  Function('...')()  new Function`...`
    private static void InspectFunctionConstructor(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var at = Scanning.Find(s, "constructor"); at >= 0; at = Scanning.Find(s, "constructor", at + 11))
        {
            var k = Scanning.SkipSpaces(s, at + 11);
            var chained = k < s.Length && s[k] is '.' or '[' && Scanning.Find(s[k..Math.Min(s.Length, k + 8)], "constr") >= 0;
            if (chained || CompilesAndCalls(s, k))
            {
                f.Add(XssRules.FunctionConstructor, view, at, Math.Min(s.Length - at, 48));
                return;
            }
        }

        for (var at = Scanning.Find(s, "function"); at >= 0; at = Scanning.Find(s, "function", at + 8))
        {
            if (Scanning.WordAt(s, at, "function") && CompilesAndCalls(s, Scanning.SkipSpaces(s, at + 8)))
            {
                f.Add(XssRules.FunctionConstructor, view, at, Math.Min(s.Length - at, 48));
                return;
            }
        }
    }

    // At k: ( 'code' ) (   or  `code`  — a string compiled and then called.
    private static bool CompilesAndCalls(ReadOnlySpan<char> s, int k)
    {
        if (k >= s.Length)
        {
            return false;
        }

        if (s[k] == '`')
        {
            return s[(k + 1)..].IndexOf('`') > 0;
        }

        if (s[k] != '(' || Scanning.SkipSpaces(s, k + 1) is var q && (q >= s.Length || s[q] is not '\'' and not '"' and not '`'))
        {
            return false;
        }

        var close = s[(q + 1)..].IndexOf(s[q]);
        if (close < 0)
        {
            return false;
        }

        var after = s[(q + 2 + close)..].IndexOf(')');
        if (after < 0)
        {
            return false;
        }

        var next = Scanning.SkipSpaces(s, q + 2 + close + after + 1);
        return next < s.Length && s[next] is '(' or '`';
    }

    // import('//host/x.js')  import("data:text/javascript,...")
    private static void InspectDynamicImport(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var at = Scanning.Find(s, "import"); at >= 0; at = Scanning.Find(s, "import", at + 6))
        {
            var k = Scanning.SkipSpaces(s, at + 6);
            if (!Scanning.WordAt(s, at, "import") || k >= s.Length || s[k] != '(')
            {
                continue;
            }

            var q = Scanning.SkipSpaces(s, k + 1);
            var target = q < s.Length && s[q] is '\'' or '"' or '`' ? q + 1 : q;
            if (Scanning.At(s, target, "//") || Scanning.At(s, target, "http") || Scanning.At(s, target, "data:") || Scanning.At(s, target, "blob:"))
            {
                f.Add(XssRules.DynamicImport, view, at, Math.Min(s.Length - at, 40));
                return;
            }
        }
    }

    // [][(![]+[])[+[]]+...] — a run of []()!+ long enough to spell a property name.
    private static void InspectSymbolOnlyScript(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        var run = 0;
        var brackets = 0;
        var negations = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is '[' or ']' or '(' or ')' or '!' or '+')
            {
                run++;
                brackets += s[i] == '[' ? 1 : 0;
                negations += s[i] == '!' ? 1 : 0;
                if (run >= 24 && brackets >= 6 && negations >= 1)
                {
                    f.Add(XssRules.SymbolOnlyScript, view, i - run + 1, run);
                    return;
                }

                continue;
            }

            run = brackets = negations = 0;
        }
    }

    private static int MatchingOpen(ReadOnlySpan<char> s, int close)
    {
        var (open, shut) = s[close] == ']' ? ('[', ']') : ('(', ')');
        var depth = 0;
        for (var k = close; k >= 0 && close - k < 200; k--)
        {
            depth += s[k] == shut ? 1 : s[k] == open ? -1 : 0;
            if (depth == 0)
            {
                return k;
            }
        }

        return -1;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => s.Trim().IndexOfAnyExceptInRange('0', '9') < 0;

    private static int NextCallChar(ReadOnlySpan<char> s, int from)
    {
        var n = s[(from + 1)..].IndexOfAny('(', '`');
        return n < 0 ? -1 : from + 1 + n;
    }

    private static int Next(ReadOnlySpan<char> s, int from)
    {
        var n = s[(from + 1)..].IndexOfAny('=', '(');
        return n < 0 ? -1 : from + 1 + n;
    }
}
