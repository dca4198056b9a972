using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Templates;

/// <summary>
/// Server-side template injection. Finds template expression delimiters of the common engines (Jinja2/Twig
/// <c>{{ }}</c> and <c>{% %}</c>, EL/Freemarker/Thymeleaf <c>${ } #{ } *{ } [[ ]]</c>, ERB/JSP <c>&lt;%= %&gt;</c>,
/// Razor <c>@( )</c>, Smarty <c>{php}</c>) and judges the expression inside: arithmetic probes (<c>7*7</c>),
/// object-graph walks (<c>__class__</c>, <c>getClass()</c>, <c>T(java.lang.Runtime)</c>) and calls. A plain
/// placeholder such as <c>{{ name }}</c> or <c>${HOME}</c> is ordinary template text.
/// </summary>
internal sealed class TemplateInjectionDetector : IThreatDetector
{
    private const string Cat = ThreatCategory.Ssti;

    private static readonly (string Open, string Close)[] Delimiters =
    [
        ("{{", "}}"), ("{%", "%}"), ("${", "}"), ("#{", "}"), ("*{", "}"), ("[[", "]]"), ("<%=", "%>"), ("<%", "%>"), ("@(", ")"), ("{=", "}"), ("<#", ">"), ("#set(", ")"), ("{php}", "{/php}"), ("{$", "}"),
    ];

    private static readonly string[] ObjectWalks =
    [
        "__class__", "__mro__", "__subclasses__", "__globals__", "__builtins__", "__init__", "__base__", "__bases__", "__import__",
        "getclass()", "getclassloader", "java.lang.runtime", "getruntime()", "processbuilder", "freemarker.template.utility.execute",
        "t(java.", "forname(", "lipsum.", "cycler.", "joiner.", "namespace.__", "request.application", "config.items", "self._",
        "|attr(", "$class.inspect", "getdeclaredmethod", "smarty.version", "new(\"", "?new(", ".exec(", "popen(", "_self.env",
        "registerundefinedfiltercallback", "system(", "passthru(", "spel", "springframework", "os.popen", "subprocess",
    ];

    private static readonly MultiPattern ObjectWalkMatcher = new(ObjectWalks);

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        foreach (var view in input.Views)
        {
            InspectView(view, findings);
            if (findings.Best(Cat) >= 0.9)
            {
                return;
            }
        }
    }

    private static void InspectView(DecodedView view, FindingCollector f)
    {
        var s = view.Text.AsSpan();
        if (s.IndexOfAny("{%[@<#") < 0)
        {
            return;
        }

        foreach (var (open, close) in Delimiters)
        {
            var at = s.IndexOf(open, StringComparison.Ordinal);
            var guard = 0;
            while (at >= 0 && guard++ < 256)
            {
                var bodyStart = at + open.Length;
                var rel = s[bodyStart..].IndexOf(close, StringComparison.Ordinal);
                var body = rel < 0 ? s[bodyStart..Math.Min(s.Length, bodyStart + 200)] : s.Slice(bodyStart, Math.Min(rel, 400));
                Judge(view, s, at, open, body, rel >= 0, f);
                var next = s[(at + 1)..].IndexOf(open, StringComparison.Ordinal);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
    }

    private static void Judge(DecodedView view, ReadOnlySpan<char> s, int at, string open, ReadOnlySpan<char> body, bool closed, FindingCollector f)
    {
        var length = Math.Min(s.Length - at, open.Length + body.Length + 2);
        var trimmed = body.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        if (open == "{php}" && closed)
        {
            // Smarty's {php} block runs its body as PHP.
            f.Add(Cat, "ssti.object_walk", 0.93, view, at, length, "Smarty {php} block executes PHP");
            return;
        }

        if (ObjectWalkMatcher.ContainsAny(trimmed))
        {
            f.Add(Cat, "ssti.object_walk", 0.97, view, at, length, "template expression walks the object graph toward code execution");
            return;
        }

        if (closed && IsArithmeticProbe(trimmed))
        {
            // ${7*7} is also a valid Log4j/EL probe; the arithmetic shape is the template-engine tell.
            f.Add(Cat, "ssti.arithmetic_probe", open is "<#" ? 0.6 : 0.88, view, at, length, "template expression evaluating arithmetic (engine fingerprinting)");
            return;
        }

        if (closed && open is "{{" or "{%" && (trimmed.IndexOf('(') >= 0 || Scanning.Find(trimmed, "import") >= 0))
        {
            // {{ url_for('static') }} is everyday template text; calls only count with a dangerous target.
            var dangerous = Scanning.Find(trimmed, "import") >= 0 || Scanning.Find(trimmed, "open(") >= 0 || Scanning.Find(trimmed, "eval") >= 0
                || Scanning.Find(trimmed, "exec") >= 0 || Scanning.Find(trimmed, "system") >= 0 || Scanning.Find(trimmed, "getattr") >= 0
                || Scanning.Find(trimmed, "range(") >= 0 || Scanning.Find(trimmed, ".read()") >= 0 || Scanning.Find(trimmed, "constructor") >= 0;
            f.Add(Cat, "ssti.expression_call", dangerous ? 0.8 : 0.4, view, at, length, "template expression calling functions");
            return;
        }

        if (closed && open is "{{" && (trimmed.Equals("config", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("self", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("request.", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("settings.", StringComparison.OrdinalIgnoreCase)))
        {
            f.Add(Cat, "ssti.object_exposure", 0.8, view, at, length, "template expression dumping framework objects");
        }
    }

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
