using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// DOM-based XSS shapes: attacker-controlled sources (the URL fragment, <c>window.name</c>, the referrer)
/// handed to a sink, HTML written through <c>innerHTML</c>, script elements created from script, the page location
/// set to a script URL or another site, and the cookie joined into an outgoing URL.
/// </summary>
internal static class XssDom
{
    // Each source is an object/member pair read as identifiers, so spacing and bracket forms do not matter.
    private static readonly (string Object, string Member)[] Sources =
    [
        ("location", "hash"), ("location", "search"), ("location", "href"), ("window", "name"), ("top", "name"),
        ("self", "name"), ("document", "url"), ("document", "referrer"), ("document", "cookie"), ("document", "baseuri"),
    ];

    public static void Inspect(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        InspectHtmlSinks(view, s, f);
        InspectSourceToSink(view, s, f);
        InspectLocationAssignment(view, s, f);
        InspectCookieExfiltration(view, s, f);
    }

    private static void InspectHtmlSinks(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        foreach (var assign in (ReadOnlySpan<string>)[".innerhtml", ".outerhtml"])
        {
            var at = Scanning.Find(s, assign);
            var k = at > 0 ? Scanning.SkipSpaces(s, at + assign.Length) : -1;
            if (k > 0 && k < s.Length && s[k] == '=' && (k + 1 >= s.Length || s[k + 1] != '='))
            {
                f.Add(XssRules.DomSinkAssignment, view, at, Math.Min(s.Length - at, 40));
                break;
            }
        }

        var create = Scanning.Find(s, "createelement");
        if (create >= 0)
        {
            var window = s[create..Math.Min(s.Length, create + 30)];
            if (Scanning.Find(window, "script") > 0 || Scanning.Find(window, "iframe") > 0)
            {
                f.Add(XssRules.DomInjection, view, create, window.Length);
            }
        }
    }

    // eval(location.hash.slice(1))  setTimeout(name)  document.write(document.referrer)
    private static void InspectSourceToSink(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var p = s.IndexOf('('); p > 0; p = Next(s, '(', p))
        {
            var start = JsSinks.CalleeStart(s, p, out var nameEnd);
            if (start < 0 || !JsSinks.IsSink(s[start..nameEnd]) || (start > 0 && Scanning.IsIdentChar(s[start - 1])))
            {
                continue;
            }

            var arg = Scanning.SkipSpaces(s, p + 1);
            var bareName = Scanning.WordAt(s, arg, "name") && Scanning.SkipSpaces(s, arg + 4) is var after && after < s.Length && s[after] is ')' or ',' or '.';
            if (bareName || SourceAt(s, arg) > 0)
            {
                f.Add(XssRules.DomSourceToSink, view, start, Math.Min(s.Length - start, nameEnd - start + 24));
                return;
            }
        }
    }

    // location='javascript:...'  top.location.href="//evil"  location=name  document.location=window.name
    private static void InspectLocationAssignment(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var at = Scanning.Find(s, "location"); at >= 0; at = Scanning.Find(s, "location", at + 8))
        {
            if (!Scanning.WordAt(s, at, "location") || (at > 0 && s[at - 1] is '&' or '?' or '-' or '_'))
            {
                continue;
            }

            var k = Scanning.SkipSpaces(s, at + 8);
            foreach (var member in (ReadOnlySpan<string>)[".href", ".pathname"])
            {
                k = Scanning.At(s, k, member) ? Scanning.SkipSpaces(s, k + member.Length) : k;
            }

            if (k + 1 >= s.Length || s[k] != '=' || s[k + 1] == '=')
            {
                continue;
            }

            var qualified = at > 0 && s[at - 1] == '.';
            if (IsHostileLocationValue(s, Scanning.SkipSpaces(s, k + 1), qualified || at == 0 || s[at - 1] is ';' or '\'' or '"' or '{' or ' '))
            {
                f.Add(XssRules.LocationAssignment, view, at, Math.Min(s.Length - at, 40));
                return;
            }
        }
    }

    private static bool IsHostileLocationValue(ReadOnlySpan<char> s, int v, bool scriptContext)
    {
        if (v >= s.Length)
        {
            return false;
        }

        if (s[v] is '\'' or '"' or '`')
        {
            var text = s[(v + 1)..];
            return Scanning.At(text, 0, "//") || Scanning.At(text, 0, "http") || Scanning.At(text, 0, "data:")
                || ScriptSchemes.HasScriptScheme(text[..Math.Min(text.Length, 24)].ToString());
        }

        if (SourceAt(s, v) > 0)
        {
            return true;
        }

        return scriptContext && Scanning.WordAt(s, v, "name") && (v + 4 >= s.Length || s[v + 4] is ';' or ' ' or '\'' or '"' or '<' or '/');
    }

    // '//evil/?c='+document.cookie   fetch(url+document.cookie)   new Image().src=x+document.domain
    private static void InspectCookieExfiltration(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var at = Scanning.Find(s, "document"); at >= 0; at = Scanning.Find(s, "document", at + 8))
        {
            var end = MemberEnd(s, at + 8, "cookie");
            var domain = end < 0 ? MemberEnd(s, at + 8, "domain") : -1;
            if (end < 0 && domain < 0)
            {
                continue;
            }

            var before = at - 1;
            while (before >= 0 && s[before] == ' ')
            {
                before--;
            }

            var after = Scanning.SkipSpaces(s, Math.Max(end, domain));
            var joined = (before >= 0 && s[before] == '+') || (after < s.Length && s[after] == '+');
            var passed = end > 0 && before >= 0 && s[before] is '(' or ',' && after < s.Length && s[after] is ')' or ',';
            if (joined || passed)
            {
                f.Add(XssRules.CookieExfiltration, view, at, Math.Min(s.Length - at, 24));
                return;
            }
        }
    }

    // Length of a DOM source at i (window.name, location . hash, document['referrer']), or 0.
    private static int SourceAt(ReadOnlySpan<char> s, int i)
    {
        foreach (var (o, m) in Sources)
        {
            var end = Scanning.WordAt(s, i, o) ? MemberEnd(s, i + o.Length, m) : -1;
            if (end > 0)
            {
                return end - i;
            }
        }

        return 0;
    }

    // At i: .member, ?.member or ['member'] / ["member"]; returns the index after it, or -1.
    private static int MemberEnd(ReadOnlySpan<char> s, int i, string member)
    {
        i = Scanning.SkipSpaces(s, i);
        if (Scanning.At(s, i, "?."))
        {
            i++;
        }

        if (i < s.Length && s[i] == '.')
        {
            var k = Scanning.SkipSpaces(s, i + 1);
            return Scanning.WordAt(s, k, member) ? k + member.Length : -1;
        }

        if (i + 2 < s.Length && s[i] == '[' && s[i + 1] is '\'' or '"' or '`' && Scanning.At(s, i + 2, member))
        {
            var close = s[(i + 2 + member.Length)..].IndexOf(']');
            return close is >= 0 and < 3 ? i + 3 + member.Length + close : -1;
        }

        return -1;
    }

    private static int Next(ReadOnlySpan<char> s, char c, int from)
    {
        var n = s[(from + 1)..].IndexOf(c);
        return n < 0 ? -1 : from + 1 + n;
    }
}
