using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Xml;

/// <summary>
/// XML external entities and entity expansion. A DTD in user input is already suspicious; an entity bound to a
/// SYSTEM or PUBLIC identifier, a parameter entity (declared, or referenced inside the internal subset as in
/// out-of-band XXE), or entities defined from other entities (billion laughs) are the attack itself. XInclude is
/// the DTD-less variant. Every shape present is reported, so a full document outweighs the file path it targets.
/// </summary>
internal sealed class XxeDetector : IViewDetector
{
    private const int MaxDeclarations = 64;

    public string Family => ThreatCategory.Xxe;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text.AsSpan();
        if (s.IndexOf('<') < 0)
        {
            return;
        }

        CheckEntities(view, s, findings);
        CheckDoctype(view, s, findings);
        var xinclude = Scanning.Find(s, "xi:include");
        if (xinclude >= 0 || Scanning.Find(s, "XInclude") >= 0)
        {
            findings.Add(XxeRules.XInclude, view, Math.Max(0, xinclude), 20);
        }

        CheckLocalHref(view, s, findings);
    }

    // <svg xmlns:xlink=...><image xlink:href="file:///..."/>: the renderer fetches a local resource.
    private static void CheckLocalHref(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        var href = Scanning.Find(s, "xlink:href");
        if (href < 0 || Scanning.Find(s, "xmlns") < 0)
        {
            return;
        }

        var value = s[(href + 10)..].TrimStart(" =\"'");
        ReadOnlySpan<string> schemes = ["file:", "expect:", "php:", "jar:", "netdoc:", "gopher:"];
        foreach (var scheme in schemes)
        {
            if (Scanning.At(value, 0, scheme))
            {
                findings.Add(XxeRules.LocalResourceReference, view, href, Math.Min(s.Length - href, 60));
                return;
            }
        }
    }

    private static void CheckEntities(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        var declarations = 0;
        var referencing = 0;
        var first = -1;
        for (var at = Scanning.Find(s, "<!ENTITY"); at >= 0 && declarations < MaxDeclarations; at = Scanning.Find(s, "<!ENTITY", at + 8))
        {
            if (!IsEntityDeclaration(s[(at + 8)..], out var parameter))
            {
                continue;
            }

            declarations++;
            first = first < 0 ? at : first;
            var decl = s[at..];
            var end = decl.IndexOf('>');
            var body = end < 0 ? decl : decl[..end];
            var length = Math.Min(s.Length - at, 120);
            if (Scanning.Find(body, "SYSTEM") >= 0 || Scanning.Find(body, "PUBLIC") >= 0)
            {
                findings.Add(XxeRules.ExternalEntity, view, at, length);
            }

            if (parameter)
            {
                findings.Add(XxeRules.ParameterEntity, view, at, length);
            }

            if (body.IndexOf('&') >= 0 || body.IndexOf("%", StringComparison.Ordinal) > 12)
            {
                referencing++;
            }
        }

        if (declarations == 0)
        {
            return;
        }

        var length0 = Math.Min(s.Length - first, 120);
        findings.Add(XxeRules.EntityDeclaration, view, first, length0);
        if (declarations >= 2 && referencing >= 1)
        {
            findings.Add(XxeRules.EntityExpansion, view, first, length0);
        }

        if (UsesEntity(s[first..]))
        {
            findings.Add(XxeRules.EntityReference, view, first, length0);
        }
    }

    private static void CheckDoctype(DecodedView view, ReadOnlySpan<char> s, FindingCollector findings)
    {
        var doctype = Scanning.Find(s, "<!DOCTYPE");
        if (doctype < 0)
        {
            return;
        }

        var decl = s[doctype..];
        var open = decl.IndexOf('[');
        var end = decl.IndexOf('>');
        var head = end < 0 ? decl : decl[..end];
        if (Scanning.Find(head, "SYSTEM") >= 0 || Scanning.Find(head, "PUBLIC") >= 0 || open >= 0 && (end < 0 || open < end))
        {
            findings.Add(XxeRules.ExternalDtd, view, doctype, Math.Min(s.Length - doctype, 120));
        }

        // "%remote;" in the internal subset pulls a parameter entity in: the out-of-band form.
        if (open >= 0 && HasParameterReference(decl[open..]))
        {
            findings.Add(XxeRules.ParameterEntity, view, doctype, Math.Min(s.Length - doctype, 120));
        }
    }

    // <!ENTITY [%] name ("value" | SYSTEM "uri" | PUBLIC "id" "uri")
    private static bool IsEntityDeclaration(ReadOnlySpan<char> rest, out bool parameter)
    {
        parameter = false;
        if (rest.Length == 0 || !(char.IsWhiteSpace(rest[0]) || rest[0] == '%'))
        {
            return false;
        }

        var k = Scanning.SkipSpaces(rest, 0);
        if (k < rest.Length && rest[k] == '%')
        {
            parameter = true;
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

    // %name; with an XML name between.
    private static bool HasParameterReference(ReadOnlySpan<char> subset)
    {
        for (var i = subset.IndexOf('%'); i >= 0 && i + 2 < subset.Length; i = subset[(i + 1)..].IndexOf('%') is var n and >= 0 ? i + 1 + n : -1)
        {
            var k = i + 1;
            while (k < subset.Length && (char.IsLetterOrDigit(subset[k]) || subset[k] is '_' or '-' or '.'))
            {
                k++;
            }

            if (k > i + 1 && k < subset.Length && subset[k] == ';')
            {
                return true;
            }
        }

        return false;
    }

    // &name; that is not one of the five predefined entities or a character reference.
    private static bool UsesEntity(ReadOnlySpan<char> s)
    {
        for (var i = s.IndexOf('&'); i >= 0 && i + 2 < s.Length; i = s[(i + 1)..].IndexOf('&') is var n and >= 0 ? i + 1 + n : -1)
        {
            var k = i + 1;
            while (k < s.Length && (char.IsLetterOrDigit(s[k]) || s[k] is '_' or '-' or '.'))
            {
                k++;
            }

            var name = s[(i + 1)..k];
            if (k < s.Length && s[k] == ';' && name.Length > 0 && name[0] != '#' && !(name is "lt" or "gt" or "amp" or "quot" or "apos"))
            {
                return true;
            }
        }

        return false;
    }
}
