using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Templates;

/// <summary>
/// Server-side template injection. Finds template expression delimiters of the common engines (Jinja2/Twig
/// <c>{{ }}</c> and <c>{% %}</c>, EL/Freemarker/Thymeleaf <c>${ } #{ } *{ } [[ ]]</c>, ERB/JSP <c>&lt;%= %&gt;</c>,
/// Razor <c>@( )</c>, Smarty <c>{php}</c>) and judges the expression inside: arithmetic and literal probes
/// (<c>7*7</c>, <c>{{1}}</c>), object-graph walks (<c>__class__</c>, <c>getClass()</c>, <c>T(java.lang.Runtime)</c>),
/// dangerous calls and filters, framework objects. Template statements (<c>{% set %}</c>, <c>#set(</c>,
/// <c>&lt;#assign</c>) and engine-detection polyglots are read by <see cref="TemplateProbes"/>. A plain placeholder
/// such as <c>{{ name }}</c> or <c>${HOME}</c> is ordinary template text.
/// </summary>
internal sealed class TemplateInjectionDetector : IViewDetector
{
    private static readonly (string Open, string Close)[] Delimiters =
    [
        ("{{", "}}"), ("{%", "%}"), ("${", "}"), ("#{", "}"), ("*{", "}"), ("[[", "]]"), ("<%=", "%>"), ("<%", "%>"), ("@(", ")"), ("{=", "}"), ("<#", ">"), ("#set(", ")"), ("{php}", "{/php}"), ("{$", "}"),
    ];

    private static readonly MultiPattern ObjectWalks = new(
        "__class__", "__mro__", "__subclasses__", "__globals__", "__builtins__", "__init__", "__base__", "__bases__", "__import__",
        "freemarker.template.utility.execute", "objectconstructor", "t(java.", "lipsum.", "cycler.", "joiner.", "namespace.__",
        "request.application", "config.items", "self._", "|attr(", "$class.inspect", "smarty.version", "new(\"", "?new(", ".exec(",
        "popen(", "_self.env", "registerundefinedfiltercallback", "system(", "passthru(", "spel", "springframework", "os.popen",
        "subprocess", "getruntime()", "processbuilder");

    // Java reflection: in EL delimiters this is EL injection, which the code detector names; here it weighs less.
    private static readonly MultiPattern JavaWalks = new(
        "getclass()", "forname(", "java.lang.", "getclassloader", "getdeclaredmethod", "scriptenginemanager", "@java.", ".class.");

    public string Family => ThreatCategory.Ssti;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text.AsSpan();
        if (s.IndexOfAny("{%[@<#") < 0)
        {
            return;
        }

        TemplateProbes.Inspect(view, s, findings);
        foreach (var (open, close) in Delimiters)
        {
            var at = s.IndexOf(open, StringComparison.Ordinal);
            for (var guard = 0; at >= 0 && guard < 256; guard++)
            {
                var bodyStart = at + open.Length;
                var rel = s[bodyStart..].IndexOf(close, StringComparison.Ordinal);
                var body = rel < 0 ? s[bodyStart..Math.Min(s.Length, bodyStart + 200)] : s.Slice(bodyStart, Math.Min(rel, 400));
                var rule = Judge(open, body.Trim(), rel >= 0);
                if (rule is not null)
                {
                    findings.Add(rule, view, at, Math.Min(s.Length - at, open.Length + body.Length + 2));
                }

                var next = s[(at + 1)..].IndexOf(open, StringComparison.Ordinal);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
    }

    private static RuleDefinition? Judge(string open, ReadOnlySpan<char> body, bool closed)
    {
        if (body.Length == 0 || body.IndexOfAny('\uFFFD', '\0') >= 0)
        {
            return null; // nothing, or binary data that happens to hold a delimiter
        }

        if (open == "{php}")
        {
            return closed ? TemplateRules.SmartyPhpBlock : null;
        }

        var el = open is "${" or "#{" && !HasSpelTypeReference(body);
        if (el && (HasJavaWalk(body) || body.EndsWith(".class", StringComparison.OrdinalIgnoreCase)))
        {
            return TemplateRules.JavaObjectWalk;
        }

        if (ObjectWalks.ContainsAny(body) || HasJavaWalk(body) || (open is "{{" or "{%" && (IsAssembledAttribute(body) || body.IndexOf(".__", StringComparison.Ordinal) >= 0)))
        {
            return TemplateRules.ObjectWalk;
        }

        if (!closed)
        {
            return null;
        }

        if (IsArithmeticProbe(body))
        {
            // ${7*7} is also a valid Log4j/EL probe; the arithmetic shape is the template-engine tell.
            return open is "<#" ? TemplateRules.DirectiveArithmetic : TemplateRules.ArithmeticProbe;
        }

        return JudgeClosed(open, body);
    }

    // SpEL T(java.lang.Runtime): the type operator, a Spring/Thymeleaf template tell (print( is not one).
    private static bool HasSpelTypeReference(ReadOnlySpan<char> body)
    {
        for (var i = Scanning.Find(body, "t("); i >= 0; i = Scanning.Find(body, "t(", i + 2))
        {
            if (i == 0 || !Scanning.IsIdentChar(body[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasJavaWalk(ReadOnlySpan<char> s) => JavaWalks.ContainsAny(s);

    private static RuleDefinition? JudgeClosed(string open, ReadOnlySpan<char> body)
    {
        // {{1}}, #{7}, and Thymeleaf inlining [[${...}]] (JSON arrays never hold an expression).
        if ((open is "{{" or "#{" && IsLiteralProbe(body)) || (open == "[[" && body.StartsWith("${", StringComparison.Ordinal)))
        {
            return TemplateRules.LiteralProbe;
        }

        if (open is "{{" && IsFrameworkObject(body.Slice(0, Math.Max(0, body.IndexOfAny('|', ' ') is var cut and >= 0 ? cut : body.Length))))
        {
            return TemplateRules.ObjectExposure; // {{app.request.server.all|join(',')}}
        }

        if (open is "{{" or "{%" or "<%=" or "<%" && (body.IndexOf('(') >= 0 || body.IndexOf('`') >= 0 || Scanning.Find(body, "import") >= 0))
        {
            // {{ url_for('static') }} is everyday template text; calls only count with a dangerous target.
            return IsDangerousCall(body) ? TemplateRules.ExpressionCall : TemplateRules.TemplateCall;
        }

        if (open is "{{" or "<%=" && IsFrameworkObject(body))
        {
            return TemplateRules.ObjectExposure;
        }

        return null;
    }

    private static bool IsDangerousCall(ReadOnlySpan<char> body)
    {
        foreach (var needle in (ReadOnlySpan<string>)["import", "open(", "eval", "exec", "system", "getattr", "range(", ".read()", "constructor", "`", "|filter(", "|map(", "|reduce(", "|sort(", "file_excerpt", "io.", "file.", "dump("])
        {
            if (Scanning.Find(body, needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // {{ config }}, {{ self }}, {{ _self }}, {{ request }}, {{ settings.SECRET_KEY }}, <%= self %>.
    private static bool IsFrameworkObject(ReadOnlySpan<char> body) =>
        body.Equals("config", StringComparison.OrdinalIgnoreCase) || body.Equals("self", StringComparison.OrdinalIgnoreCase)
        || body.Equals("_self", StringComparison.OrdinalIgnoreCase) || body.Equals("request", StringComparison.OrdinalIgnoreCase)
        || body.StartsWith("request.", StringComparison.OrdinalIgnoreCase) || body.StartsWith("settings.", StringComparison.OrdinalIgnoreCase)
        || body.StartsWith("app.request", StringComparison.OrdinalIgnoreCase) || body is "cycler" or "joiner" or "lipsum" or "_context";

    // ''['__cla'+'ss__']: an attribute name assembled from string pieces, which hides the dunder from filters.
    private static bool IsAssembledAttribute(ReadOnlySpan<char> body) =>
        (body.IndexOf("['", StringComparison.Ordinal) >= 0 || body.IndexOf("[\"", StringComparison.Ordinal) >= 0)
        && (body.IndexOf("'+'", StringComparison.Ordinal) >= 0 || body.IndexOf("\"+\"", StringComparison.Ordinal) >= 0 || body.IndexOf("'~'", StringComparison.Ordinal) >= 0);

    // {{1}}, {{ 7 }}, {{.}}: a bare number or the current object, which only a probe renders.
    private static bool IsLiteralProbe(ReadOnlySpan<char> body) =>
        body.Length is > 0 and <= 8 && (body.IndexOfAnyExcept("0123456789") < 0 || body is ".");

    // Digits, quotes and arithmetic operators with at least one operator: 7*7, 3*'3', 7*'7', 1+1.
    private static bool IsArithmeticProbe(ReadOnlySpan<char> body)
    {
        var digits = 0;
        var operators = 0;
        foreach (var c in body)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is '*' or '+' or '-' or '/' or '%')
            {
                operators++;
            }
            else if (c is not ' ' and not '\'' and not '"' and not '(' and not ')' and not '.')
            {
                return false;
            }
        }

        return digits >= 2 && operators >= 1 && body.Length <= 24;
    }
}
