using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Templates;

/// <summary>
/// Template shapes judged on the whole value rather than one expression: engine-detection polyglots that mix the
/// delimiters of several engines (<c>${{&lt;%[%'"}}%\</c>), and template statements where a value should be
/// (<c>{% set x = 'id' %}</c>, <c>{% debug %}</c>, Velocity <c>#set($x=...)</c>, Freemarker <c>&lt;#assign</c>).
/// </summary>
internal static class TemplateProbes
{
    private const int MaxProbeLength = 160;

    private static readonly string[] StatementKeywords =
        ["set", "import", "debug", "print", "from", "macro", "call"];

    // Opening delimiters per family: Jinja/Twig/Django, EL/Freemarker/Thymeleaf, ERB/JSP/ASP, Template Toolkit,
    // Razor, Freemarker/Velocity directives. Closers alone ("}}" ending nested JSON) and "[[" (JSON arrays) do not count.
    private static readonly string[][] Families =
    [
        ["{{", "{%", "{#"],
        ["${", "#{", "*{"],
        ["<%"],
        ["[%"],
        ["@(", "@*", "@{"],
        ["<#", "</#", "#set(", "#evaluate(", "#foreach("],
    ];

    public static void Inspect(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        CheckPolyglot(view, s, f);
        CheckJinjaStatement(view, s, f);
        CheckDirective(view, s, f);
    }

    private static void CheckPolyglot(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        if (s.Length > MaxProbeLength || s.Count(' ') > 6)
        {
            return;
        }

        var families = 0;
        foreach (var family in Families)
        {
            foreach (var marker in family)
            {
                if (s.IndexOf(marker, StringComparison.Ordinal) >= 0)
                {
                    families++;
                    break;
                }
            }
        }

        if (families >= 3)
        {
            f.Add(TemplateRules.PolyglotProbe, view, 0, s.Length);
        }
        else if (families == 2 && s.Length <= 48 && s.IndexOf(' ') < 0)
        {
            f.Add(TemplateRules.DelimiterProbe, view, 0, s.Length);
        }
    }

    // {% set cmd = 'id' %}, {%print(7*7)%}, {% debug %}: a Jinja/Twig/Django statement tag.
    private static void CheckJinjaStatement(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        // "Django's {% load %} tag" and "{% include 'x' %}" are documentation; a probe is the tag itself, or nearly.
        var at = s.IndexOf("{%", StringComparison.Ordinal);
        var close = at < 0 ? -1 : s[at..].IndexOf("%}", StringComparison.Ordinal);
        if (close < 0 || s.Length - close > 48 + at || at > 24)
        {
            return;
        }

        var k = at + 2;
        while (k < s.Length && s[k] is ' ' or '-' or '+')
        {
            k++;
        }

        foreach (var keyword in StatementKeywords)
        {
            if (Scanning.At(s, k, keyword) && (k + keyword.Length >= s.Length || !Scanning.IsIdentChar(s[k + keyword.Length])))
            {
                f.Add(TemplateRules.TemplateStatement, view, at, Math.Min(s.Length - at, 40));
                return;
            }
        }
    }

    // #set($x = ...), #evaluate("..."), <#assign x = ...>: Velocity and Freemarker directives.
    private static void CheckDirective(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        foreach (var directive in (ReadOnlySpan<string>)["#set($", "#set( $", "#evaluate(", "#include(", "#parse(", "#define($", "<#assign ", "<#import ", "<#include "])
        {
            var at = Scanning.Find(s, directive);
            if (at >= 0)
            {
                var java = TemplateInjectionDetector.HasJavaWalk(s);
                f.Add(java ? TemplateRules.ObjectWalk : TemplateRules.TemplateStatement, view, at, Math.Min(s.Length - at, 60));
                return;
            }
        }
    }
}
