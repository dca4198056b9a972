using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// Cross-site scripting. Tags are read with <see cref="HtmlTokenizer"/> and judged by what a browser would do with
/// them: script-capable elements, event-handler attributes, URL attributes with script schemes, <c>srcdoc</c>,
/// CSS expressions. Outside tags it looks for script URLs and for JavaScript-string breakouts that call a sink
/// (<c>';alert(1)//</c>). Harmless markup such as <c>&lt;b&gt;</c> or <c>Name &lt;mail@host&gt;</c> does not fire.
/// </summary>
internal sealed class XssDetector : IThreatDetector
{
    private const string Cat = ThreatCategory.Xss;

    private static readonly HashSet<string> ScriptContainers = new(StringComparer.Ordinal)
    {
        "iframe", "frame", "frameset", "object", "embed", "applet", "base", "isindex", "xss", "import", "vmlframe", "layer", "ilayer", "bgsound",
    };

    private static readonly HashSet<string> WeakContainers = new(StringComparer.Ordinal)
    {
        "svg", "math", "style", "link", "form", "xml", "animate", "set", "handler", "listener", "template", "portal", "video", "audio",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "action", "formaction", "data", "xlink:href", "background", "lowsrc", "dynsrc", "poster", "code",
        "codebase", "values", "to", "from", "by", "content", "url", "value", "srcset", "ping", "cite", "longdesc", "manifest", "icon",
    };

    private static readonly string[] Sinks =
    [
        "alert", "prompt", "confirm", "eval", "settimeout", "setinterval", "function", "fetch", "import", "document.write",
        "document.writeln", "window.open", "open", "print", "top.alert", "window.alert", "self.alert", "parent.alert",
        "frames.alert", "globalthis.alert", "atob", "console.log", "navigator.sendbeacon", "location.assign", "location.replace",
        "document.location", "window.location", "location.href", "location", "document.cookie", "document.domain",
        "string.fromcharcode", "xmlhttprequest", "constructor",
    ];

    [ThreadStatic]
    private static List<HtmlAttribute>? t_attributes;

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        foreach (var view in input.Views)
        {
            InspectView(view, findings);
            if (findings.Best(Cat) >= 0.95)
            {
                return;
            }
        }
    }

    private static void InspectView(DecodedView view, FindingCollector f)
    {
        var s = view.Text.AsSpan();
        if (s.IndexOfAny('<', ':', '(') < 0 && s.IndexOf('`') < 0 && s.IndexOf('=') < 0)
        {
            return;
        }

        var attributes = t_attributes ??= new List<HtmlAttribute>(8);
        var from = 0;
        var tags = 0;
        while (tags++ < HtmlTokenizer.MaxTags && HtmlTokenizer.TryNextTag(s, from, out var tag))
        {
            from = Math.Max(tag.AttributesStart, tag.Start + 1);
            InspectTag(view, s, tag, attributes, f);
        }

        InspectScriptUrls(view, s, f);
        InspectStringBreakouts(view, s, f);
        InspectSinkAliases(view, s, f);
        InspectDomFlows(view, s, f);
        InspectConcatenatedSinks(view, s, f);
        var create = Scanning.Find(s, "createelement(");
        if (create >= 0 && (Scanning.Find(s[create..], "script") is > 0 and < 24 || Scanning.Find(s[create..], "iframe") is > 0 and < 24))
        {
            f.Add(Cat, "xss.dom_injection", 0.82, view, create, Math.Min(s.Length - create, 40), "creates a script or iframe element from script");
        }
        InspectScriptingCss(view, s, f);
    }

    // a=eval; b=alert; x.y=alert — a sink taken as a value, to call it later without writing its name with '('.
    private static void InspectSinkAliases(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var eq = s.IndexOf('='); eq >= 0 && eq + 1 < s.Length; eq = NextIndex(s, '=', eq))
        {
            var k = Scanning.SkipSpaces(s, eq + 1);
            var start = k;
            while (k < s.Length && (Scanning.IsIdentChar(s[k]) || s[k] == '.'))
            {
                k++;
            }

            var name = s[start..k];
            var end = Scanning.SkipSpaces(s, k);
            var lineBreak = s[k..end].IndexOfAny('\n', '\r') >= 0;
            if (name.Length >= 4 && (end >= s.Length || lineBreak || s[end] is ';' or ',') && (name.Equals("eval", StringComparison.OrdinalIgnoreCase) || name.EndsWith("alert", StringComparison.OrdinalIgnoreCase) || name.Equals("prompt", StringComparison.OrdinalIgnoreCase) || name.Equals("confirm", StringComparison.OrdinalIgnoreCase)))
            {
                f.Add(Cat, "xss.sink_alias", 0.75, view, eq, k - eq, "a script sink assigned to a variable to call it indirectly");
                return;
            }
        }
    }

    // CSS that runs script: expression(...) (IE), -moz-binding (Firefox XBL), behavior: url(.htc).
    private static void InspectScriptingCss(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        if (s.IndexOf('\\') >= 0)
        {
            // CSS escapes: "\-\mo\z\-b\i\nd\in\g" is -moz-binding to the CSS parser.
            s = s.ToString().Replace("\\0", string.Empty, StringComparison.Ordinal).Replace("\\", string.Empty, StringComparison.Ordinal).AsSpan();
        }

        var binding = Scanning.Find(s, "-moz-binding");
        var behaviour = Scanning.Find(s, "behavior:");
        var at = binding >= 0 ? binding : behaviour;
        if (at >= 0)
        {
            f.Add(Cat, "xss.css_expression", 0.8, view, at, Math.Min(s.Length - at, 40), "CSS binding/behavior loads script");
            return;
        }

        for (var e = Scanning.Find(s, "expression("); e > 0; e = Scanning.Find(s, "expression(", e + 1))
        {
            var k = e - 1;
            while (k >= 0 && s[k] == ' ')
            {
                k--;
            }

            if (k >= 0 && s[k] is ':' or '=')
            {
                f.Add(Cat, "xss.css_expression", 0.8, view, e, Math.Min(s.Length - e, 40), "CSS expression() runs script");
                return;
            }
        }
    }

    // Attacker-controlled DOM sources handed to a sink (open(name), eval(location.hash.slice(1))) and HTML written
    // through innerHTML/outerHTML.
    private static void InspectDomFlows(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        foreach (var assign in (ReadOnlySpan<string>)[".innerhtml", ".outerhtml"])
        {
            var at = Scanning.Find(s, assign);
            if (at > 0)
            {
                var k = Scanning.SkipSpaces(s, at + assign.Length);
                if (k < s.Length && s[k] == '=' && (k + 1 >= s.Length || s[k + 1] != '='))
                {
                    f.Add(Cat, "xss.dom_sink_assignment", 0.72, view, at, Math.Min(s.Length - at, 40), "HTML written into the DOM through innerHTML/outerHTML");
                    return;
                }
            }
        }

        for (var p = s.IndexOf('('); p > 0; p = NextIndex(s, '(', p))
        {
            var k = p - 1;
            while (k >= 0 && (Scanning.IsIdentChar(s[k]) || s[k] == '.'))
            {
                k--;
            }

            var name = s[(k + 1)..p];
            if (name.Length == 0 || !IsSink(name) || (k >= 0 && Scanning.IsIdentChar(s[k])))
            {
                continue;
            }

            var arg = s[(p + 1)..];
            foreach (var source in (ReadOnlySpan<string>)["name)", "name,", "window.name", "location.hash", "location.search", "location.href", "location)", "document.url", "document.referrer", "document.cookie", "top.name"])
            {
                if (arg.StartsWith(source, StringComparison.OrdinalIgnoreCase))
                {
                    f.Add(Cat, "xss.dom_source_to_sink", 0.8, view, k + 1, Math.Min(s.Length - k - 1, name.Length + 24), "attacker-controlled DOM source passed to a script sink");
                    return;
                }
            }
        }
    }

    // 'ev'+'al', /ev/.source+/al/.source, 'jav'||''+'ascript': a sink name assembled from string pieces. The
    // literals are joined in order and the joined text is searched for sink names and script schemes.
    private static void InspectConcatenatedSinks(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        if (s.IndexOf('+') < 0 && s.IndexOf("||", StringComparison.Ordinal) < 0 && s.IndexOf(':') < 0)
        {
            return;
        }

        Span<char> joined = stackalloc char[256];
        var n = 0;
        var literals = 0;
        var lastEnd = -1;
        for (var i = 0; i < s.Length && n < joined.Length; i++)
        {
            var c = s[i];
            if (c is '\'' or '"' || (c == '/' && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1])))
            {
                var close = s[(i + 1)..].IndexOf(c);
                if (close < 0 || close > 40)
                {
                    continue;
                }

                // Pieces belong to one expression only when code, not markup or prose, separates them.
                if (lastEnd >= 0 && !IsConcatenationGap(s[lastEnd..i]))
                {
                    if (literals >= 2 && ReportConcatenatedSink(view, s, joined[..n], f))
                    {
                        return;
                    }

                    n = 0;
                    literals = 0;
                }

                foreach (var ch in s.Slice(i + 1, close))
                {
                    if (char.IsAsciiLetterOrDigit(ch) || ch is ':' or '.' or '(' or ')')
                    {
                        if (n < joined.Length)
                        {
                            joined[n++] = char.ToLowerInvariant(ch);
                        }
                    }
                }

                literals++;
                i += close + 1;
                lastEnd = i + 1;
            }
        }

        if (literals >= 2)
        {
            ReportConcatenatedSink(view, s, joined[..n], f);
        }
    }

    private static bool ReportConcatenatedSink(DecodedView view, ReadOnlySpan<char> s, ReadOnlySpan<char> text, FindingCollector f)
    {
        foreach (var sink in (ReadOnlySpan<string>)["eval", "alert", "javascript", "location", "unescape", "iframe", "fromcharcode", "document.cookie"])
        {
            var at = text.IndexOf(sink, StringComparison.Ordinal);
            if (at >= 0 && !(s.IndexOf(sink, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                f.Add(Cat, "xss.concatenated_sink", 0.8, view, 0, Math.Min(s.Length, 80), "script sink assembled from concatenated string pieces");
                return true;
            }
        }

        return false;
    }

    // + || , ; = [ ] ( ) ? : digits and short names (s1, a) join pieces; a tag or a real word does not.
    private static bool IsConcatenationGap(ReadOnlySpan<char> gap)
    {
        if (gap.IndexOfAny('<', '>') >= 0)
        {
            return false;
        }

        // /ev/.source + /al/.source: the regex-literal accessor is part of the concatenation, not prose.
        var letters = 0;
        for (var k = 0; k < gap.Length; k++)
        {
            var ch = gap[k];
            if (ch == '.' && Scanning.At(gap, k + 1, "source"))
            {
                k += 6;
                letters = 0;
                continue;
            }

            letters = char.IsAsciiLetter(ch) ? letters + 1 : 0;
            if (letters >= 4)
            {
                return false;
            }
        }

        return true;
    }

    private static int NextIndex(ReadOnlySpan<char> s, char c, int from)
    {
        var n = s[(from + 1)..].IndexOf(c);
        return n < 0 ? -1 : from + 1 + n;
    }

    private static void InspectTag(DecodedView view, ReadOnlySpan<char> s, HtmlTag tag, List<HtmlAttribute> attributes, FindingCollector f)
    {
        var len = tag.End - tag.Start;
        if (tag.Name == "script")
        {
            f.Add(Cat, "xss.script_tag", tag.IsEndTag ? 0.7 : 0.95, view, tag.Start, len, "script element");
            return;
        }

        if (tag.IsEndTag)
        {
            return;
        }

        HtmlTokenizer.ReadAttributes(s, tag, attributes);
        foreach (var a in attributes)
        {
            if (IsEventHandler(a.Name))
            {
                f.Add(Cat, "xss.event_handler", a.Value.Length > 0 ? 0.92 : 0.6, view, tag.Start, a.End - tag.Start, "event-handler attribute runs script");
            }
            else if (UrlAttributes.Contains(a.Name) && HasScriptScheme(a.Value))
            {
                f.Add(Cat, "xss.script_url_attribute", 0.92, view, tag.Start, a.End - tag.Start, "URL attribute with a script scheme");
            }
            else if (a.Name == "srcdoc" && a.Value.Contains('<', StringComparison.Ordinal))
            {
                f.Add(Cat, "xss.srcdoc", 0.9, view, tag.Start, a.End - tag.Start, "srcdoc embeds a whole HTML document");
            }
            else if (a.Name == "style" && IsScriptingCss(a.Value))
            {
                f.Add(Cat, "xss.css_expression", 0.8, view, tag.Start, a.End - tag.Start, "CSS that executes script (expression, behavior, binding)");
            }
        }

        if (tag.Name is "xml" or "link" or "style" or "?import" && attributes.Exists(a => a.Name is "src" or "href" or "implementation" && (a.Value.Contains("//", StringComparison.Ordinal) || a.Value.Contains(".htc", StringComparison.OrdinalIgnoreCase) || a.Value.Contains(".xml", StringComparison.OrdinalIgnoreCase))))
        {
            f.Add(Cat, "xss.external_script_resource", 0.72, view, tag.Start, len, "element pulls an external stylesheet, binding or data island");
        }

        // SVG/SMIL animation that rewrites a link or handler attribute (<set attributeName=href to=...>).
        if (tag.Name is "set" or "animate" or "animatemotion" or "animatetransform" && attributes.Exists(a => a.Name == "attributename" && (a.Value.EndsWith("href", StringComparison.OrdinalIgnoreCase) || a.Value.StartsWith("on", StringComparison.OrdinalIgnoreCase))))
        {
            f.Add(Cat, "xss.animated_attribute", 0.8, view, tag.Start, len, "SVG animation rewrites a link or event attribute");
        }

        if (tag.Name == "meta")
        {
            if (attributes.Exists(a => a.Name == "http-equiv" && a.Value.ToLowerInvariant() is "link" or "set-cookie" or "content-security-policy" or "default-style"))
            {
                f.Add(Cat, "xss.meta_header", 0.75, view, tag.Start, len, "meta http-equiv sets a header (stylesheet link, cookie, CSP) from markup");
            }

            foreach (var a in attributes)
            {
                if (a.Name == "content" && a.Value.Contains("url=", StringComparison.OrdinalIgnoreCase) && (HasScriptScheme(a.Value[(a.Value.IndexOf("url=", StringComparison.OrdinalIgnoreCase) + 4)..]) || a.Value.Contains("//", StringComparison.Ordinal)))
                {
                    f.Add(Cat, "xss.meta_refresh", 0.8, view, tag.Start, len, "meta refresh to a script URL or another site");
                }
            }
        }
        else if (ScriptContainers.Contains(tag.Name))
        {
            f.Add(Cat, "xss.active_content_tag", attributes.Count > 0 ? 0.8 : 0.65, view, tag.Start, len, "element that loads or runs active content");
        }
        else if (WeakContainers.Contains(tag.Name) && (attributes.Count > 0 || tag.End >= s.Length))
        {
            f.Add(Cat, "xss.active_content_tag", 0.45, view, tag.Start, len, "element often used to carry script");
        }
    }

    private static bool IsEventHandler(string name)
    {
        // XML Events (ev:handler, ev:event) bind script to an element the same way on* attributes do.
        if (name.EndsWith(":handler", StringComparison.Ordinal))
        {
            return true;
        }

        if (name.Length < 5 || !name.StartsWith("on", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name.AsSpan(2))
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Browsers strip leading spaces and control characters and ignore tabs/newlines inside the scheme.</summary>
    internal static bool HasScriptScheme(string value)
    {
        Span<char> buf = stackalloc char[16];
        var n = 0;
        foreach (var c in value)
        {
            if (c <= ' ')
            {
                continue;
            }

            if (c == ':' || n == buf.Length)
            {
                break;
            }

            buf[n++] = char.ToLowerInvariant(c);
        }

        var scheme = buf[..n];
        if (scheme.SequenceEqual("javascript") || scheme.SequenceEqual("vbscript") || scheme.SequenceEqual("livescript") || scheme.SequenceEqual("mocha"))
        {
            return true;
        }

        return scheme.SequenceEqual("data") && (value.Contains("text/html", StringComparison.OrdinalIgnoreCase) || value.Contains("svg", StringComparison.OrdinalIgnoreCase) || value.Contains("script", StringComparison.OrdinalIgnoreCase) || value.Contains("base64", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsScriptingCss(string v) =>
        v.Contains("expression(", StringComparison.OrdinalIgnoreCase) || v.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
        || v.Contains("behavior:", StringComparison.OrdinalIgnoreCase) || v.Contains("-moz-binding", StringComparison.OrdinalIgnoreCase)
        || v.Contains("@import", StringComparison.OrdinalIgnoreCase);

    // javascript: / vbscript: anywhere (e.g. a redirect parameter), allowing the whitespace browsers ignore.
    private static void InspectScriptUrls(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        var colon = s.IndexOf(':');
        Span<char> buf = stackalloc char[12];
        while (colon > 0)
        {
            var k = colon - 1;
            var letters = 0;
            while (k >= 0 && letters < buf.Length && (char.IsAsciiLetter(s[k]) || s[k] is '\t' or '\n' or '\r'))
            {
                if (char.IsAsciiLetter(s[k]))
                {
                    buf[buf.Length - 1 - letters] = char.ToLowerInvariant(s[k]);
                    letters++;
                }

                k--;
            }

            var scheme = buf[(buf.Length - letters)..];
            if (scheme.EndsWith("javascript") || scheme.EndsWith("vbscript") || scheme.EndsWith("livescript"))
            {
                var after = s[(colon + 1)..];
                var codeLike = after.Length > 0 && !char.IsWhiteSpace(after[0]) && (after.IndexOfAny('(', '`', '=') >= 0 || after.IndexOf('.') >= 0 || after[0] is '/' or '%' or '\\');
                f.Add(Cat, "xss.script_url", codeLike ? 0.88 : 0.45, view, k + 1, Math.Min(s.Length - k - 1, colon - k + 24), "script URL scheme");
            }
            else if (scheme.EndsWith("data") && Scanning.At(s, colon + 1, "text/html"))
            {
                f.Add(Cat, "xss.script_url", 0.85, view, k + 1, Math.Min(s.Length - k - 1, colon - k + 24), "data: URL carrying an HTML document");
            }

            var next = s[(colon + 1)..].IndexOf(':');
            colon = next < 0 ? -1 : colon + 1 + next;
        }
    }

    // JS-context breakouts: a quote (or </script>) closes the string, then an operator joins a sink call.
    private static void InspectStringBreakouts(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is not '(' and not '`')
            {
                continue;
            }

            var nameEnd = i;
            if (c == '(' && i >= 5 && (s[(i - 5)..i].Equals(".call", StringComparison.OrdinalIgnoreCase) || (i >= 6 && s[(i - 6)..i].Equals(".apply", StringComparison.OrdinalIgnoreCase))))
            {
                nameEnd = s[(i - 6)..i][0] == '.' ? i - 6 : i - 5; // eval.call(this, ...) calls eval
            }

            var k = nameEnd - 1;
            while (k >= 0 && (Scanning.IsIdentChar(s[k]) || s[k] is '.' or '$'))
            {
                k--;
            }

            var name = s[(k + 1)..nameEnd];
            if (name.Length == 0 || !IsSink(name) || (c == '`' && k >= 0 && s[k] == '`'))
            {
                continue;
            }

            // What precedes the call tells whether we are breaking out of a string or just mentioning a function.
            var p = k;
            while (p >= 0 && s[p] is ' ' or '\t')
            {
                p--;
            }

            var afterOperator = p >= 0 && s[p] is ';' or '-' or '+' or '*' or '|' or '&' or ',' or '{' or '}' or '>' or '/' or '(' or '[' or ':' or '!' or '~' or '?';
            var q = p;
            while (q >= 0 && s[q] is ';' or '-' or '+' or '*' or '|' or '&' or ',' or ')' or ' ' or '}' or '/' or '>' or '(' or '[' or '!' or '~')
            {
                q--;
            }

            var quoteBreak = q >= 0 && s[q] is '\'' or '"' or '`' && q < p;
            var args = s[(i + 1)..];
            var closes = c == '`' ? args.IndexOf('`') >= 0 : args.IndexOf(')') >= 0;
            if (!closes && !quoteBreak)
            {
                continue;
            }

            var strongSink = name.EndsWith("settimeout", StringComparison.OrdinalIgnoreCase) || name.EndsWith("setinterval", StringComparison.OrdinalIgnoreCase) || name.EndsWith("alert", StringComparison.OrdinalIgnoreCase) || name.Equals("prompt", StringComparison.OrdinalIgnoreCase) || name.Equals("confirm", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("fromcharcode", StringComparison.OrdinalIgnoreCase) || name.Equals("eval", StringComparison.OrdinalIgnoreCase) || name.EndsWith("document.write", StringComparison.OrdinalIgnoreCase);
            double confidence = quoteBreak ? 0.88 : strongSink ? (afterOperator || k < 0 ? 0.75 : 0.62) : afterOperator && quoteBreak ? 0.7 : 0;
            if (confidence > 0)
            {
                var start = quoteBreak ? q : k + 1;
                f.Add(Cat, quoteBreak ? "xss.js_string_breakout" : "xss.js_sink_call", confidence, view, start, Math.Min(s.Length - start, i - start + 16), quoteBreak ? "quote closes a JavaScript string and calls a sink" : "call of a JavaScript sink used to prove script execution");
            }
        }
    }

    private static bool IsSink(ReadOnlySpan<char> name)
    {
        foreach (var sink in Sinks)
        {
            if (name.Equals(sink, StringComparison.OrdinalIgnoreCase) || (name.EndsWith(sink, StringComparison.OrdinalIgnoreCase) && name.Length > sink.Length && name[name.Length - sink.Length - 1] == '.' && sink.Length >= 5))
            {
                return true;
            }
        }

        return false;
    }
}
