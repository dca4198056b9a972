using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Domain.Exclusions;

/// <summary>
/// The named checks of a detection exclusion. Each returns what is wrong, or null. The validator uses them for
/// 400 answers per field; <see cref="DetectionExclusion.Create"/> uses the same checks as invariants.
/// </summary>
public static class ExclusionRules
{
    public const int MaxPathPrefixLength = 512;
    public const int MaxLocationLength = 256;
    public const int MaxRuleIdLength = 64;
    public const int MaxFamilyLength = 32;
    public const int MaxMethodLength = 16;
    public const int MaxHostLength = 255;
    public const int MaxNoteLength = 500;

    /// <summary>Location kinds that name a value (<c>query:q</c>, <c>body:$.comment</c>, ...).</summary>
    public static IReadOnlyList<string> NamedKinds { get; } = ["query", "form", "body", "body-key", "header", "cookie", "multipart"];

    /// <summary>Locations that stand alone: the path, and the body as a whole document.</summary>
    public static IReadOnlyList<string> WholeKinds { get; } = ["path", "body"];

    public static string? PathPrefixProblem(string? pathPrefix)
    {
        if (string.IsNullOrEmpty(pathPrefix) || pathPrefix[0] != '/')
        {
            return "'path_prefix' must start with '/'.";
        }

        if (pathPrefix.Length > MaxPathPrefixLength)
        {
            return $"'path_prefix' must be at most {MaxPathPrefixLength} characters.";
        }

        return pathPrefix.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '?' or '#')
            ? "'path_prefix' is a path: no whitespace, control characters, '?' or '#'."
            : null;
    }

    /// <summary>
    /// Exactly one location (<c>path</c>, <c>body</c>, <c>query:q</c>, <c>form:name</c>, <c>body:$.user.name</c>,
    /// <c>body-key:$.user</c>, <c>header:User-Agent</c>, <c>cookie:session</c>, <c>multipart:file.filename</c>) or a
    /// prefix of one ending in <c>*</c> that starts with a kind (<c>body*</c>, <c>header:X-*</c>, <c>query*</c>), or
    /// <c>*</c> alone for every location.
    /// </summary>
    public static string? LocationProblem(string? location)
    {
        const string Shape = "'location' is path, body, or kind:name with kind query, form, body, body-key, header, cookie or multipart (e.g. query:q, body:$.comment, header:User-Agent), or such a prefix ending in '*' (e.g. body*, header:X-*), or * for every location.";
        if (string.IsNullOrEmpty(location))
        {
            return Shape;
        }

        if (location.Length > MaxLocationLength)
        {
            return $"'location' must be at most {MaxLocationLength} characters.";
        }

        if (location.Any(char.IsControl))
        {
            return "'location' must not contain control characters.";
        }

        if (location == "*")
        {
            // Every location of the matching requests (still only the given rule or family, if any).
            return null;
        }

        var wildcard = location.EndsWith('*');
        var body = wildcard ? location[..^1] : location;
        if (body.Contains('*'))
        {
            return "'location' may contain '*' only as its last character.";
        }

        var colon = body.IndexOf(':');
        if (colon < 0)
        {
            // "path", "body"; with '*' also a bare kind such as "header*" or "body*".
            var known = wildcard ? NamedKinds.Contains(body, StringComparer.Ordinal) || WholeKinds.Contains(body, StringComparer.Ordinal) : WholeKinds.Contains(body, StringComparer.Ordinal);
            return known ? null : Shape;
        }

        var kind = body[..colon];
        var name = body[(colon + 1)..];
        if (!NamedKinds.Contains(kind, StringComparer.Ordinal))
        {
            return Shape;
        }

        return name.Length == 0 && !wildcard ? $"'location' {kind}: needs a name after the colon." : null;
    }

    public static string? RuleIdProblem(string? ruleId, RuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (ruleId is null)
        {
            return null;
        }

        return ruleId.Length <= MaxRuleIdLength && catalogue.TryGet(ruleId, out _)
            ? null
            : $"'rule_id' '{Shorten(ruleId)}' is not a rule of the catalogue (GET /api/v1/detection/rules lists them).";
    }

    public static string? FamilyProblem(string? family)
    {
        if (family is null)
        {
            return null;
        }

        return family != ThreatCategory.None && ThreatCategory.IsKnown(family)
            ? null
            : $"'family' must be one of: {string.Join(", ", ThreatCategory.All)}.";
    }

    public static string? RuleAndFamilyProblem(string? ruleId, string? family) =>
        ruleId is not null && family is not null
            ? "Give 'rule_id' (one rule) or 'family' (every rule of a family), not both; neither means every rule."
            : null;

    public static string? MethodProblem(string? method)
    {
        if (method is null)
        {
            return null;
        }

        return method.Length is > 0 and <= MaxMethodLength && method.All(char.IsAsciiLetter)
            ? null
            : $"'method' is an HTTP method name (letters only, at most {MaxMethodLength}).";
    }

    public static string? HostProblem(string? host)
    {
        if (host is null)
        {
            return null;
        }

        // Matched against the request's Host without its port, so a port here could never match.
        var name = host.Length > 2 && host[0] == '[' && host[^1] == ']'
            ? host[1..^1].All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
            : host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');
        return host.Length is > 0 and <= MaxHostLength && name
            ? null
            : $"'host' is a host name or [IPv6] without port (letters, digits, '.', '-'; at most {MaxHostLength}).";
    }

    public static string? NoteProblem(string? note) =>
        note is not null && note.Length > MaxNoteLength ? $"'note' must be at most {MaxNoteLength} characters." : null;

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
