using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>CSS that runs script: <c>expression(…)</c> (IE), the Firefox XBL binding property, <c>behavior: url(.htc)</c>, script URLs in <c>@import</c>.</summary>
internal static class XssCss
{
    public static bool IsScriptingCss(string v) =>
        v.Contains("expression(", StringComparison.OrdinalIgnoreCase) || v.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
        || v.Contains("behavior:", StringComparison.OrdinalIgnoreCase) || v.Contains("-moz-binding", StringComparison.OrdinalIgnoreCase)
        || v.Contains("@import", StringComparison.OrdinalIgnoreCase);

    public static void Inspect(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        if (s.IndexOf('\\') >= 0)
        {
            // CSS escapes: a backslash before a letter is dropped by the CSS tokenizer, so "\62 ehavior" style
            // spellings and backslash-separated property names read as the plain name.
            s = s.ToString().Replace("\\0", string.Empty, StringComparison.Ordinal).Replace("\\", string.Empty, StringComparison.Ordinal).AsSpan();
        }

        var binding = Scanning.Find(s, "-moz-binding");
        var at = binding >= 0 ? binding : Scanning.Find(s, "behavior:");
        if (at >= 0)
        {
            f.Add(XssRules.CssExpression, view, at, Math.Min(s.Length - at, 40), "binding or behavior");
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
                f.Add(XssRules.CssExpression, view, e, Math.Min(s.Length - e, 40), "expression()");
                return;
            }
        }
    }
}
