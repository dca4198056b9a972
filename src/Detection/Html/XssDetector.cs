using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// Cross-site scripting. Tags are read with <see cref="HtmlTokenizer"/> and judged by <see cref="XssMarkup"/> by
/// what a browser would do with them; outside tags the view is read as the other contexts a reflected value can
/// land in: URLs (<see cref="ScriptSchemes"/>), an attribute value or a client-side template
/// (<see cref="XssContexts"/>), a script block or JS string (<see cref="XssScript"/>, <see cref="XssConcatenation"/>),
/// the DOM (<see cref="XssDom"/>) and CSS (<see cref="XssCss"/>). Harmless markup such as <c>&lt;b&gt;</c> or
/// <c>Name &lt;mail@host&gt;</c> does not fire. Every decision names an <see cref="XssRules"/> entry.
/// </summary>
internal sealed class XssDetector : IViewDetector
{
    [ThreadStatic]
    private static List<HtmlAttribute>? t_attributes;

    public string Family => ThreatCategory.Xss;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text.AsSpan();
        if (s.IndexOfAny('<', ':', '(') < 0 && s.IndexOfAny('`', '=', '[') < 0 && s.IndexOf('+') < 0)
        {
            return;
        }

        InspectTags(view, s, findings);
        ScriptSchemes.InspectScriptUrls(view, s, findings);
        XssContexts.Inspect(view, s, findings);
        XssScript.Inspect(view, s, findings);
        XssConcatenation.Inspect(view, s, findings);
        XssDom.Inspect(view, s, findings);
        XssCss.Inspect(view, s, findings);
    }

    private static void InspectTags(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        if (s.IndexOf('<') < 0)
        {
            return;
        }

        var attributes = t_attributes ??= new List<HtmlAttribute>(8);
        var from = 0;
        var tags = 0;
        while (tags++ < HtmlTokenizer.MaxTags && HtmlTokenizer.TryNextTag(s, from, out var tag))
        {
            from = Math.Max(tag.AttributesStart, tag.Start + 1);
            XssMarkup.InspectTag(view, s, tag, attributes, findings);
        }
    }
}
