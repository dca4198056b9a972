using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Web;

/// <summary>
/// Prototype pollution: <c>__proto__</c> or <c>constructor.prototype</c> used as a property path in a JSON key,
/// a bracketed query parameter (<c>__proto__[isAdmin]=true</c>) or a dotted path. Mentioning the word in prose
/// is not a property path, so it is only flagged when followed by an accessor or assignment.
/// </summary>
internal sealed class PrototypePollutionDetector : IViewDetector
{
    public string Family => ThreatCategory.PrototypePollution;

    // Judged once, on the canonical form of the most decoded view (lower case, comments and whitespace folded).
    public void Inspect(DecodedView decoded, NormalisedInput input, FindingCollector findings)
    {
        if (!ReferenceEquals(decoded, input.Decoded))
        {
            return;
        }

        var view = input.Canonical;
        var s = view.Text.AsSpan();
        var at = s.IndexOf("__proto__", StringComparison.Ordinal);
        if (at >= 0)
        {
            var after = at + 9 < s.Length ? s[at + 9] : '\0';
            var before = at > 0 ? s[at - 1] : '\0';
            var keyBefore = before is '\0' or '[' or '.' or '"' or '\'' or '&' or '?' or '{' or ',' or '=';
            var accessAfter = after is '[' or '.' or ']' or '"' or '\'' or '=';
            if (keyBefore && accessAfter)
            {
                findings.Add(PrototypePollutionRules.ProtoKey, view, at, Math.Min(s.Length - at, 40));
                return;
            }
        }

        var ctor = s.IndexOf("constructor", StringComparison.Ordinal);
        while (ctor >= 0)
        {
            var rest = s[(ctor + 11)..];
            if (rest.StartsWith("[prototype]") || rest.StartsWith(".prototype") || rest.StartsWith("][prototype]") || rest.StartsWith("\"][\"prototype\"]") || rest.StartsWith("\":{\"prototype\"") || rest.StartsWith("\": {\"prototype\""))
            {
                var tail = rest[(rest.IndexOf("prototype", StringComparison.Ordinal) + 9)..];
                if (tail.Length > 0 && tail[0] is '[' or '.' or '"' or ']')
                {
                    findings.Add(PrototypePollutionRules.ConstructorPrototype, view, ctor, Math.Min(s.Length - ctor, 40));
                    return;
                }
            }

            var next = rest.IndexOf("constructor", StringComparison.Ordinal);
            ctor = next < 0 ? -1 : ctor + 11 + next;
        }
    }
}
