namespace InfiniteSecurity.Detection.Web;

/// <summary>
/// One <c>scheme://authority/path</c> reference found in a value, split the way browsers and URL libraries split it.
/// <see cref="Host"/> is what follows the last '@' of the authority; <see cref="Region"/> runs to the first '/',
/// which is where parsers disagree when it holds '@' after '#', '?' or '\'.
/// </summary>
internal readonly ref struct UrlReference
{
    public int Start { get; init; }

    public int Length { get; init; }

    /// <summary>Scheme without ':', empty for a protocol-relative reference.</summary>
    public ReadOnlySpan<char> Scheme { get; init; }

    public ReadOnlySpan<char> Authority { get; init; }

    public ReadOnlySpan<char> Host { get; init; }

    /// <summary>Characters before '@' in the authority, empty when there is no '@'.</summary>
    public ReadOnlySpan<char> Userinfo { get; init; }

    public bool HasUserinfo { get; init; }

    public ReadOnlySpan<char> Region { get; init; }

    /// <summary>From the end of <see cref="Region"/> to the end of the reference (path, query, fragment).</summary>
    public ReadOnlySpan<char> Path { get; init; }

    /// <summary>From the end of the authority to the end of the value: what an include appends to.</summary>
    public ReadOnlySpan<char> PathAndQuery { get; init; }

    /// <summary>The parameter name when the reference is a <c>name=</c> value, else empty.</summary>
    public ReadOnlySpan<char> Parameter { get; init; }

    public bool IsParameterValue { get; init; }

    public bool HasScheme => Scheme.Length > 0;

    public bool IsScheme(string name) => Scheme.Equals(name, StringComparison.OrdinalIgnoreCase);

    public bool IsWeb => !HasScheme || IsScheme("http") || IsScheme("https") || IsScheme("ftp");
}

/// <summary>Finds and splits every <c>//</c>-introduced URL reference in a value, left to right, linear in the value.</summary>
internal static class UrlAuthority
{
    private const int MaxReferences = 256;

    /// <summary>
    /// Next reference at or after <paramref name="position"/>; advances <paramref name="position"/> past it.
    /// <paramref name="budget"/> bounds the number of "//" looked at per value.
    /// </summary>
    public static bool TryNext(ReadOnlySpan<char> s, ref int position, ref int budget, out UrlReference url)
    {
        url = default;
        while (budget++ < MaxReferences && position < s.Length)
        {
            var rel = s[position..].IndexOf("//", StringComparison.Ordinal);
            if (rel < 0)
            {
                position = s.Length;
                return false;
            }

            var slashes = position + rel;
            position = slashes + 2;
            if (TryParseAt(s, slashes, out url))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseAt(ReadOnlySpan<char> s, int slashes, out UrlReference url)
    {
        url = default;
        var schemeStart = SchemeStart(s, slashes);
        var scheme = schemeStart < slashes ? s[schemeStart..(slashes - 1)] : ReadOnlySpan<char>.Empty;
        if (scheme.Length == 0 && slashes > 0 && s[slashes - 1] is not '=' and not '?' and not '"' and not '\'' and not '/' and not '\\')
        {
            return false; // "//" inside text (a comment, a path) is not a URL reference
        }

        var authorityStart = slashes + 2;
        while (authorityStart < s.Length && s[authorityStart] is '/' or '\\')
        {
            authorityStart++;
        }

        var authorityEnd = authorityStart;
        while (authorityEnd < s.Length && s[authorityEnd] is not '/' and not '?' and not '#' and not '\\' and not ' ' and not '"' and not '\'' and not '<' and not '>' and not ',')
        {
            authorityEnd++;
        }

        var regionEnd = authorityStart;
        while (regionEnd < s.Length && s[regionEnd] is not '/' and not ' ' and not '"' and not '\'' and not ',')
        {
            regionEnd++;
        }

        var pathEnd = regionEnd;
        while (pathEnd < s.Length && s[pathEnd] is not ' ' and not '"' and not '\'' and not '<' and not '>' and not ',')
        {
            pathEnd++;
        }

        var authority = s[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        var parameter = ParameterBefore(s, schemeStart);
        url = new UrlReference
        {
            Start = schemeStart,
            Length = Math.Min(s.Length - schemeStart, 80),
            Scheme = scheme,
            Authority = authority,
            Host = StripPort(at >= 0 ? authority[(at + 1)..] : authority),
            Userinfo = at >= 0 ? authority[..at] : ReadOnlySpan<char>.Empty,
            HasUserinfo = at >= 0,
            Region = s[authorityStart..regionEnd],
            Path = s[regionEnd..pathEnd],
            PathAndQuery = s[authorityEnd..],
            Parameter = parameter,
            IsParameterValue = schemeStart > 0 && s[schemeStart - 1] == '=',
        };
        return true;
    }

    private static int SchemeStart(ReadOnlySpan<char> s, int slashes)
    {
        if (slashes == 0 || s[slashes - 1] != ':')
        {
            return slashes;
        }

        var k = slashes - 1;
        while (k > 0 && (char.IsAsciiLetterOrDigit(s[k - 1]) || s[k - 1] is '+' or '-' or '.'))
        {
            k--;
        }

        return k == slashes - 1 ? slashes : k;
    }

    // "?next=" / "&url=" / "page=" before the value: the parameter name, else empty.
    private static ReadOnlySpan<char> ParameterBefore(ReadOnlySpan<char> s, int valueStart)
    {
        if (valueStart == 0 || s[valueStart - 1] != '=')
        {
            return ReadOnlySpan<char>.Empty;
        }

        var end = valueStart - 1;
        var k = end;
        while (k > 0 && (Scanning.IsIdentChar(s[k - 1]) || s[k - 1] is '-' or '[' or ']' or '.'))
        {
            k--;
        }

        return s[k..end];
    }

    public static ReadOnlySpan<char> StripPort(ReadOnlySpan<char> hostPort)
    {
        if (hostPort.Length > 0 && hostPort[0] == '[')
        {
            var close = hostPort.IndexOf(']');
            return close < 0 ? hostPort : hostPort[..(close + 1)];
        }

        var colon = hostPort.LastIndexOf(':');
        return colon < 0 ? hostPort : hostPort[..colon];
    }
}
