using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Xml;

/// <summary>
/// Server-side includes: an HTML comment whose body starts with '#' and a directive (<c>exec</c>, <c>include</c>,
/// <c>echo</c>, ...). The web server, not the browser, evaluates it. <c>exec</c> is also command injection.
/// </summary>
internal sealed class SsiInjectionDetector : IViewDetector
{
    private static readonly string[] Directives = ["exec", "include", "echo", "config", "printenv", "set", "fsize", "flastmod", "if", "elif"];

    public string Family => ThreatCategory.SsiInjection;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text.AsSpan();
        var at = s.IndexOf("<!--", StringComparison.Ordinal);
        while (at >= 0)
        {
            var k = Scanning.SkipSpaces(s, at + 4);
            if (k < s.Length && s[k] == '#')
            {
                foreach (var d in Directives)
                {
                    if (Scanning.WordAt(s, k + 1, d))
                    {
                        var after = s[(k + 1 + d.Length)..];
                        var hasParam = after.IndexOf('=') >= 0 || d == "printenv";
                        if (!hasParam)
                        {
                            continue;
                        }

                        findings.Add(d is "exec" ? SsiRules.ExecDirective : SsiRules.Directive, view, at, Math.Min(s.Length - at, 60), "#" + d);
                        if (d == "exec")
                        {
                            findings.Add(SsiRules.ExecCommand, view, at, Math.Min(s.Length - at, 60));
                        }

                        return;
                    }
                }
            }

            var next = s[(at + 4)..].IndexOf("<!--", StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 4 + next;
        }
    }
}
