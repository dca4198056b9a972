using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Xml;

/// <summary>
/// XPath injection. Blind XPath probes walk the document with node tests and axes that have no SQL equivalent:
/// <c>count(/*)</c>, <c>name(/*[1])</c>, <c>/child::node()</c>, <c>@*</c>, <c>comment()</c>, <c>string-length(</c>.
/// Finding such XPath-only syntax is what separates XPath from SQL injection in a shared <c>' and ... '1'='1</c> shape.
/// </summary>
internal sealed class XPathInjectionDetector : IViewDetector
{
    private static readonly string[] NodeFunctions = ["count(", "name(", "local-name(", "string-length(", "substring(", "position()", "last()", "starts-with(", "contains(", "normalize-space(", "string(", "namespace-uri("];
    private static readonly string[] NodeTests = ["node()", "text()", "comment()", "processing-instruction(", "::", "/*", "@*", "//*", "[1]", "//user", "//@"];

    public string Family => ThreatCategory.XPathInjection;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text.AsSpan();
        if (s.IndexOfAny("(:[]") < 0 || CheckNodeFunctions(view, s, findings) || CheckNodeComparison(view, s, findings) || CheckPredicateBreakout(view, s, findings))
        {
            return;
        }

        var axis = s.IndexOf("::", StringComparison.Ordinal);
        if (axis > 0 && IsAxis(s, axis))
        {
            findings.Add(XPathRules.Axis, view, axis, 12);
        }
    }

    // count(/*), name(/*[1]), string-length(//user): an XPath function applied to a document path.
    private static bool CheckNodeFunctions(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        foreach (var fn in NodeFunctions)
        {
            var at = Scanning.Find(s, fn);
            if (at < 0 || (at > 0 && Scanning.IsIdentChar(s[at - 1])))
            {
                continue;
            }

            var args = s[(at + fn.Length)..];
            var close = args.IndexOf(')');
            var inner = close < 0 ? args : args[..close];
            var pathArgument = inner.Length > 0 && (inner[0] is '/' or '.' || (inner[0] == '@' && (inner.Length == 1 || inner[1] != '@'))) || inner.IndexOf("::", StringComparison.Ordinal) >= 0 || ContainsNodeTest(args[..Math.Min(args.Length, 40)]);
            if (pathArgument)
            {
                findings.Add(XPathRules.NodeProbe, view, at, fn.Length + Math.Min(inner.Length + 1, 40), "function applied to a document path");
                return true;
            }
        }

        return false;
    }

    // name()='x', local-name()=..., text()=: node functions compared after a quote breakout.
    private static bool CheckNodeComparison(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        foreach (var zero in (ReadOnlySpan<string>)["name()", "local-name()", "text()", "position()", "last()", "namespace-uri()"])
        {
            var at = Scanning.Find(s, zero);
            if (at > 0 && !Scanning.IsIdentChar(s[at - 1]))
            {
                var after = Scanning.SkipSpaces(s, at + zero.Length);
                if (after < s.Length && s[after] is '=' or '<' or '>' or '!' && s[..at].IndexOfAny('\'', '"') >= 0)
                {
                    findings.Add(XPathRules.NodeProbe, view, at, zero.Length + 4, "node function compared inside an injected predicate");
                    return true;
                }
            }
        }

        return false;
    }

    private static bool CheckPredicateBreakout(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        // '] | //user/* : close the predicate and union another location path.
        // '] and ')] : the quote, and a function call the predicate was in, closed before the bracket.
        var bracket = s.IndexOf("]", StringComparison.Ordinal);
        var quoteAt = bracket > 0 && s[bracket - 1] == ')' ? bracket - 2 : bracket - 1;
        if (bracket > 0 && quoteAt >= 0 && s[quoteAt] is '\'' or '"')
        {
            var rest = s[(bracket + 1)..].TrimStart();
            if (rest.Length > 2 && rest[0] == '|' && rest[1..].TrimStart().StartsWith("/"))
            {
                findings.Add(XPathRules.PredicateBreakout, view, quoteAt, Math.Min(s.Length - quoteAt, 20));
                return true;
            }
        }

        return false;
    }

    private static bool ContainsNodeTest(ReadOnlySpan<char> s)
    {
        foreach (var t in NodeTests)
        {
            if (s.IndexOf(t, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAxis(ReadOnlySpan<char> s, int axis)
    {
        string[] axes = ["child", "parent", "ancestor", "descendant", "following", "preceding", "attribute", "self", "ancestor-or-self", "descendant-or-self", "following-sibling", "preceding-sibling", "namespace"];
        foreach (var a in axes)
        {
            if (axis >= a.Length && Scanning.At(s, axis - a.Length, a) && (axis == a.Length || !char.IsAsciiLetter(s[axis - a.Length - 1])))
            {
                var after = s[(axis + 2)..];
                return after.Length > 0 && (char.IsAsciiLetter(after[0]) || after[0] == '*');
            }
        }

        return false;
    }
}
