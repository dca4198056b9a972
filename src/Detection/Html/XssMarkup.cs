using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// Rule decisions for the tags <see cref="HtmlTokenizer"/> finds. Any tag name counts, custom elements included
/// (<c>&lt;x-y onclick=…&gt;</c>): what makes script is the attribute (an <c>on…</c> handler, a script URL in a
/// URL-bearing attribute, <c>srcdoc</c>, scripting CSS) or an element that itself loads active content.
/// </summary>
internal static class XssMarkup
{
    // HTML elements that load or run active content on their own.
    private static readonly HashSet<string> ActiveContainers = new(StringComparer.Ordinal)
    {
        "iframe", "frame", "frameset", "object", "embed", "applet", "base", "isindex", "vmlframe", "layer", "ilayer", "bgsound",
    };

    // Elements that are harmless alone but typical carriers of a payload; weak evidence only.
    private static readonly HashSet<string> CarrierElements = new(StringComparer.Ordinal)
    {
        "svg", "math", "style", "link", "form", "xml", "animate", "set", "handler", "listener", "template", "portal", "video", "audio",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "action", "formaction", "data", "background", "lowsrc", "dynsrc", "poster", "code", "codebase", "values",
        "to", "from", "by", "content", "url", "value", "srcset", "ping", "cite", "longdesc", "manifest", "icon", "archive", "classid",
        "folder", "usemap", "profile",
    };

    // Elements whose content the HTML parser reads as raw text: closing one inside an attribute value is mutation XSS.
    private static readonly string[] RawTextElements = ["noscript", "style", "title", "textarea", "xmp", "noembed", "noframes", "iframe", "script", "template"];

    public static void InspectTag(DecodedView view, ReadOnlySpan<char> s, HtmlTag tag, List<HtmlAttribute> attributes, FindingCollector f)
    {
        var len = tag.End - tag.Start;
        if (tag.Name == "script")
        {
            // An end tag after a start tag just closes that element; only an end tag first breaks out of a script block.
            if (tag.IsEndTag && HasScriptStart(f))
            {
                return;
            }

            var rule = tag.IsEndTag ? XssRules.ScriptEndTag : IsNamedInProse(s, tag) ? XssRules.ScriptTagMention : XssRules.ScriptTag;
            f.Add(rule, view, tag.Start, len);
            return;
        }

        if (tag.IsEndTag)
        {
            return;
        }

        HtmlTokenizer.ReadAttributes(s, tag, attributes);
        foreach (var a in attributes)
        {
            InspectAttribute(view, tag, a, f);
        }

        InspectElement(view, s, tag, attributes, f);
    }

    private static bool HasScriptStart(FindingCollector f)
    {
        foreach (var finding in f.Findings)
        {
            if (finding.RuleId == XssRules.ScriptTag.Id)
            {
                return true;
            }
        }

        return false;
    }

    // "the <script> tag", "a <script> element": the element named in a sentence, not opened.
    private static bool IsNamedInProse(ReadOnlySpan<char> s, HtmlTag tag)
    {
        if (tag.End - tag.AttributesStart != 1 || tag.End >= s.Length || s[tag.End] != ' ')
        {
            return false;
        }

        var next = s[(tag.End + 1)..];
        return next.StartsWith("tag", StringComparison.OrdinalIgnoreCase) || next.StartsWith("element", StringComparison.OrdinalIgnoreCase)
            || next.StartsWith("block", StringComparison.OrdinalIgnoreCase);
    }

    private static void InspectAttribute(DecodedView view, HtmlTag tag, HtmlAttribute a, FindingCollector f)
    {
        var span = a.End - tag.Start;
        if (IsEventHandler(a.Name))
        {
            f.Add(a.Value.Length > 0 ? XssRules.EventHandler : XssRules.EmptyEventHandler, view, tag.Start, span, a.Name);
        }
        else if (IsUrlAttribute(a.Name) && ScriptSchemes.HasScriptScheme(a.Value) && !ScriptSchemes.IsNoOpScriptUrl(a.Value))
        {
            f.Add(XssRules.ScriptUrlAttribute, view, tag.Start, span, a.Name);
        }
        else if (a.Name == "srcdoc" && a.Value.Contains('<', StringComparison.Ordinal))
        {
            f.Add(XssRules.Srcdoc, view, tag.Start, span);
        }
        else if (a.Name == "style" && XssCss.IsScriptingCss(a.Value))
        {
            f.Add(XssRules.CssExpression, view, tag.Start, span);
        }
        else if (IsTemplateDirective(a))
        {
            f.Add(XssRules.TemplateDirective, view, tag.Start, span, a.Name);
        }

        if (ClosesRawText(a.Value))
        {
            f.Add(XssRules.RawtextBreakout, view, tag.Start, span);
        }
    }

    private static void InspectElement(DecodedView view, ReadOnlySpan<char> s, HtmlTag tag, List<HtmlAttribute> attributes, FindingCollector f)
    {
        var len = tag.End - tag.Start;
        var name = LocalName(tag.Name);
        if (name is "xml" or "link" or "style" or "?import" or "?xml-stylesheet" && attributes.Exists(IsExternalResource))
        {
            f.Add(XssRules.ExternalScriptResource, view, tag.Start, len);
        }

        // SVG/SMIL animation that rewrites a link or handler attribute (<set attributeName=href to=...>).
        if (name is "set" or "animate" or "animatemotion" or "animatetransform" && attributes.Exists(a => a.Name == "attributename" && (a.Value.EndsWith("href", StringComparison.OrdinalIgnoreCase) || a.Value.StartsWith("on", StringComparison.OrdinalIgnoreCase))))
        {
            f.Add(XssRules.AnimatedAttribute, view, tag.Start, len);
        }

        if (name == "meta")
        {
            InspectMeta(view, tag, attributes, f);
        }
        else if (ActiveContainers.Contains(name) && !(attributes.Count == 0 && IsNamedInProse(s, tag)))
        {
            f.Add(attributes.Count > 0 ? XssRules.ActiveContentTag : XssRules.BareActiveContentTag, view, tag.Start, len, name);
        }
        else if (CarrierElements.Contains(name) && (attributes.Count > 0 || tag.End >= s.Length))
        {
            f.Add(XssRules.CarrierTag, view, tag.Start, len, name);
        }
    }

    private static void InspectMeta(DecodedView view, HtmlTag tag, List<HtmlAttribute> attributes, FindingCollector f)
    {
        var len = tag.End - tag.Start;
        if (attributes.Exists(a => a.Name == "http-equiv" && a.Value.ToLowerInvariant() is "link" or "set-cookie" or "content-security-policy" or "default-style"))
        {
            f.Add(XssRules.MetaHeader, view, tag.Start, len);
        }

        foreach (var a in attributes)
        {
            var url = a.Name == "content" ? a.Value.IndexOf("url=", StringComparison.OrdinalIgnoreCase) : -1;
            if (url >= 0 && (ScriptSchemes.HasScriptScheme(a.Value[(url + 4)..].Trim('\'', '"', ' ')) || a.Value.Contains("//", StringComparison.Ordinal)))
            {
                f.Add(XssRules.MetaRefresh, view, tag.Start, len);
            }
        }
    }

    private static bool IsExternalResource(HtmlAttribute a) =>
        a.Name is "src" or "href" or "implementation"
        && (a.Value.Contains("//", StringComparison.Ordinal) || a.Value.Contains(".htc", StringComparison.OrdinalIgnoreCase) || a.Value.Contains(".xml", StringComparison.OrdinalIgnoreCase) || a.Value.Contains(".xs", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>on</c> followed by letters only (<c>onclick</c>, <c>onbegin</c>, any future event), or an XML Events handler.</summary>
    public static bool IsEventHandler(ReadOnlySpan<char> name)
    {
        if (name.EndsWith(":handler", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.Length < 5 || !name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var c in name[2..])
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    // href in any namespace (xlink:href, svg:href) is a URL attribute too.
    private static bool IsUrlAttribute(string name) =>
        UrlAttributes.Contains(name) || name.EndsWith(":href", StringComparison.Ordinal) || name.EndsWith(":src", StringComparison.Ordinal) || name.EndsWith(":action", StringComparison.Ordinal);

    // Vue v-html / Angular ng-bind-html / Alpine x-html render HTML; event and init directives evaluate code.
    private static bool IsTemplateDirective(HtmlAttribute a)
    {
        var n = a.Name;
        if (n is "v-html" or "ng-bind-html" or "x-html" or "data-ng-bind-html")
        {
            return a.Value.Length > 0;
        }

        var evaluates = n.StartsWith("v-on:", StringComparison.Ordinal) || n.StartsWith('@') || n.StartsWith("x-on:", StringComparison.Ordinal)
            || n is "ng-click" or "ng-init" or "ng-focus" or "ng-mouseover" or "x-init" or "x-data" or "v-bind:href" or ":href";
        return evaluates && (a.Value.Contains('(') || ScriptSchemes.HasScriptScheme(a.Value.Trim('\'', '"', ' ')));
    }

    private static bool ClosesRawText(string value)
    {
        var close = value.IndexOf("</", StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var v = value.AsSpan(close + 2);
        foreach (var element in RawTextElements)
        {
            if (Scanning.At(v, 0, element))
            {
                var open = v.IndexOf('<');
                return open >= 0 && open + 1 < v.Length && char.IsAsciiLetter(v[open + 1]);
            }
        }

        return false;
    }

    private static string LocalName(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon > 0 && name[0] != '?' ? name[(colon + 1)..] : name;
    }
}
