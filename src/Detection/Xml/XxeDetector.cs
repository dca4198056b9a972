using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Xml;

/// <summary>
/// XML external entities and entity expansion. A DTD in user input is already suspicious; an entity bound to a
/// SYSTEM or PUBLIC identifier, a parameter entity, or entities defined from other entities (billion laughs) are
/// the attack itself. XInclude is the DTD-less variant.
/// </summary>
internal sealed class XxeDetector : IThreatDetector
{
    private const string Cat = ThreatCategory.Xxe;

    // <!ENTITY [%] name ("value" | SYSTEM "uri" | PUBLIC "id" "uri")
    private static bool IsEntityDeclaration(ReadOnlySpan<char> rest)
    {
        var k = 0;
        if (k >= rest.Length || !char.IsWhiteSpace(rest[k]))
        {
            return false;
        }

        k = Scanning.SkipSpaces(rest, k);
        if (k < rest.Length && rest[k] == '%')
        {
            k = Scanning.SkipSpaces(rest, k + 1);
        }

        var nameStart = k;
        while (k < rest.Length && (char.IsLetterOrDigit(rest[k]) || rest[k] is '_' or '-' or '.' or ':'))
        {
            k++;
        }

        if (k == nameStart)
        {
            return false;
        }

        k = Scanning.SkipSpaces(rest, k);
        return k < rest.Length && (rest[k] is '"' or '\'' || Scanning.At(rest, k, "SYSTEM") || Scanning.At(rest, k, "PUBLIC"));
    }

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        foreach (var view in input.Views)
        {
            var s = view.Text.AsSpan();
            if (s.IndexOf('<') < 0)
            {
                continue;
            }

            var entity = Scanning.Find(s, "<!ENTITY");
            var doctype = Scanning.Find(s, "<!DOCTYPE");
            if (entity >= 0 && !IsEntityDeclaration(s[(entity + 8)..]))
            {
                entity = -1;
            }

            if (entity >= 0)
            {
                var decl = s[entity..];
                var end = decl.IndexOf('>');
                var body = end < 0 ? decl : decl[..end];
                var external = Scanning.Find(body, "SYSTEM") >= 0 || Scanning.Find(body, "PUBLIC") >= 0;
                var parameter = body.Length > 9 && body[8..].TrimStart().StartsWith("%");
                var recursive = Scanning.Find(s[(entity + 8)..], "<!ENTITY") >= 0 && s[(entity + 8)..].IndexOf('&') >= 0;
                var c = external || parameter ? 0.96 : recursive ? 0.92 : 0.8;
                findings.Add(Cat, external ? "xxe.external_entity" : parameter ? "xxe.parameter_entity" : recursive ? "xxe.entity_expansion" : "xxe.entity_declaration", c, view, entity, Math.Min(s.Length - entity, 120), external ? "entity bound to an external resource" : "entity declaration in user-supplied XML");
                return;
            }

            if (doctype >= 0)
            {
                var decl = s[doctype..];
                var end = decl.IndexOf('>');
                var body = end < 0 ? decl : decl[..end];
                if (Scanning.Find(body, "SYSTEM") >= 0 || Scanning.Find(body, "PUBLIC") >= 0 || body.IndexOf('[') >= 0)
                {
                    findings.Add(Cat, "xxe.external_dtd", 0.85, view, doctype, Math.Min(s.Length - doctype, 120), "DOCTYPE with an external or internal subset");
                    return;
                }
            }

            var xinclude = Scanning.Find(s, "xi:include");
            if (xinclude >= 0 || Scanning.Find(s, "XInclude") >= 0)
            {
                findings.Add(Cat, "xxe.xinclude", 0.95, view, Math.Max(0, xinclude), 20, "XInclude pulls in an external resource");
                return;
            }
        }
    }
}
