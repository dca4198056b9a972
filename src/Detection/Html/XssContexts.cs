using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// Injection into contexts other than a fresh tag: an attribute value the input breaks out of
/// (<c>" autofocus onfocus=…</c>), and client-side template expressions that AngularJS or Vue evaluate
/// (<c>{{constructor.constructor('…')()}}</c>).
/// </summary>
internal static class XssContexts
{
    // Scope objects a template expression has no honest reason to reach from user input.
    private static readonly string[] TemplateEscapes = ["constructor", "$eval", "$on", "$emit", "$parent", "$root", "$el", "_c.", "_v.", "$nexttick", "__proto__", "prototype"];

    public static void Inspect(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        InspectAttributeBreakouts(view, s, f);
        InspectClientTemplates(view, s, f);
    }

    // A handler attribute outside any tag: q" onpointerover="top.confirm(2)  ' onfocusin=prompt`3` x='
    private static void InspectAttributeBreakouts(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var at = Scanning.Find(s, "on"); at >= 0; at = Scanning.Find(s, "on", at + 2))
        {
            if (at > 0 && !(char.IsWhiteSpace(s[at - 1]) || s[at - 1] is '"' or '\'' or '/' or '`'))
            {
                continue;
            }

            var k = at + 2;
            while (k < s.Length && char.IsAsciiLetter(s[k]))
            {
                k++;
            }

            var eq = Scanning.SkipSpaces(s, k);
            if (k - at < 5 || eq >= s.Length || s[eq] != '=')
            {
                continue;
            }

            var valueStart = Scanning.SkipSpaces(s, eq + 1);
            var value = ValueAt(s, valueStart);
            if (CallsSink(value) || ScriptSchemes.HasScriptScheme(value.ToString()))
            {
                f.Add(XssRules.AttributeBreakout, view, at, Math.Min(s.Length - at, valueStart - at + value.Length + 1), s[at..k].ToString().ToLowerInvariant());
                return;
            }
        }
    }

    private static ReadOnlySpan<char> ValueAt(ReadOnlySpan<char> s, int i)
    {
        if (i >= s.Length)
        {
            return [];
        }

        if (s[i] is '"' or '\'')
        {
            var close = s[(i + 1)..].IndexOf(s[i]);
            return close < 0 ? s[(i + 1)..] : s.Slice(i + 1, close);
        }

        var end = s[i..].IndexOfAny(' ', '>', '\n');
        return end < 0 ? s[i..] : s.Slice(i, end);
    }

    // Does the handler code call (or reference) a sink? alert(1), top.confirm`1`, eval(name), (alert)(1), alert
    private static bool CallsSink(ReadOnlySpan<char> code)
    {
        if (code.Length >= 4 && JsSinks.IsCallableValue(code.TrimEnd(';')) && code.IndexOfAny(' ', '(') < 0)
        {
            return true;
        }

        for (var i = code.IndexOfAny('(', '`'); i >= 0; i = Next(code, i))
        {
            var start = JsSinks.CalleeStart(code, i, out var nameEnd);
            if (start >= 0 && JsSinks.IsSink(code[start..nameEnd]))
            {
                return true;
            }
        }

        return false;
    }

    // {{constructor.constructor('...')()}}  {{$on.constructor('...')()}}  {{_c.constructor('...')()}}  {{x=alert(1)}}
    private static void InspectClientTemplates(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var open = s.IndexOf("{{", StringComparison.Ordinal); open >= 0; open = Find(s, "{{", open + 2))
        {
            var close = Find(s, "}}", open + 2);
            if (close < 0 || close - open > 400)
            {
                return;
            }

            var expression = s[(open + 2)..close];
            if (EscapesSandbox(expression) || CallsSink(expression.Trim()))
            {
                f.Add(XssRules.ClientTemplate, view, open, close + 2 - open);
                return;
            }
        }
    }

    private static bool EscapesSandbox(ReadOnlySpan<char> expression)
    {
        if (expression.IndexOf('(') < 0 && expression.IndexOf('=') < 0 && expression.IndexOf('`') < 0)
        {
            return false;
        }

        foreach (var escape in TemplateEscapes)
        {
            if (Scanning.Find(expression, escape) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int Find(ReadOnlySpan<char> s, string needle, int from)
    {
        if (from >= s.Length)
        {
            return -1;
        }

        var n = s[from..].IndexOf(needle, StringComparison.Ordinal);
        return n < 0 ? -1 : from + n;
    }

    private static int Next(ReadOnlySpan<char> s, int from)
    {
        var n = s[(from + 1)..].IndexOfAny('(', '`');
        return n < 0 ? -1 : from + 1 + n;
    }
}
