using System.Text;
using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// CSS that runs script: <c>expression(…)</c> (IE), the Firefox XBL binding property, <c>behavior: url(.htc)</c>,
/// script URLs in <c>url()</c> and <c>@import</c>, and stylesheets imported from another site. CSS escapes
/// (<c>\6a</c>, <c>\000061 </c>, a backslash before a plain letter) are decoded first, as the CSS tokenizer does.
/// </summary>
internal static class XssCss
{
    private const int MaxCss = 4096;

    public static bool IsScriptingCss(string v) =>
        HasScriptingCss(v) || (v.Contains('\\') && HasScriptingCss(Unescape(v)));

    private static bool HasScriptingCss(string v) =>
        v.Contains("expression(", StringComparison.OrdinalIgnoreCase) || v.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
        || v.Contains("behavior:", StringComparison.OrdinalIgnoreCase) || v.Contains("-moz-binding", StringComparison.OrdinalIgnoreCase)
        || v.Contains("@import", StringComparison.OrdinalIgnoreCase);

    public static void Inspect(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        if (s.IndexOf('\\') >= 0)
        {
            s = Unescape(s[..Math.Min(s.Length, MaxCss)]).AsSpan();
        }

        var binding = Scanning.Find(s, "-moz-binding");
        var at = binding >= 0 ? binding : Scanning.Find(s, "behavior:");
        if (at >= 0)
        {
            f.Add(XssRules.CssExpression, view, at, Math.Min(s.Length - at, 40), "binding or behavior");
            return;
        }

        InspectCssUrls(view, s, f);
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

    // url("javascript:...")  @import 'javascript:...'  @import url(//host/x.css)
    private static void InspectCssUrls(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        foreach (var opener in (ReadOnlySpan<string>)["url(", "@import"])
        {
            for (var at = Scanning.Find(s, opener); at >= 0; at = Scanning.Find(s, opener, at + opener.Length))
            {
                var k = Scanning.SkipSpaces(s, at + opener.Length);
                k = Scanning.At(s, k, "url(") ? Scanning.SkipSpaces(s, k + 4) : k;
                k = k < s.Length && s[k] is '\'' or '"' ? Scanning.SkipSpaces(s, k + 1) : k;
                var target = s[k..Math.Min(s.Length, k + 24)].ToString();
                var remote = opener == "@import" && (target.StartsWith("//", StringComparison.Ordinal) || target.StartsWith("http", StringComparison.OrdinalIgnoreCase));
                if (remote || (ScriptSchemes.HasScriptScheme(target) && !target.StartsWith("data", StringComparison.OrdinalIgnoreCase)))
                {
                    f.Add(XssRules.CssScriptUrl, view, at, Math.Min(s.Length - at, 40));
                    return;
                }
            }
        }
    }

    // \6a  \00006a   \j (any non-hex character stands for itself); a space after a hex escape belongs to it.
    private static string Unescape(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }

            var k = i + 1;
            while (k < s.Length && k - i <= 6 && char.IsAsciiHexDigit(s[k]))
            {
                k++;
            }

            if (k == i + 1)
            {
                continue; // the backslash goes, the next character is taken literally
            }

            var cp = int.Parse(s[(i + 1)..k], System.Globalization.NumberStyles.HexNumber, null);
            sb.Append(cp is > 0 and < 0xD800 ? (char)cp : '\uFFFD');
            i = k < s.Length && s[k] == ' ' ? k : k - 1;
        }

        return sb.ToString();
    }
}
