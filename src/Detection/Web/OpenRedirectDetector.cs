using System.Buffers;
using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Web;

/// <summary>
/// Open redirects: a value that sends the browser to another host while passing the application's "is it local?"
/// check. Shapes: protocol-relative and slash-confused starts (<c>//evil</c>, <c>/\evil</c>, <c>\/evil</c>, kana
/// slashes), malformed scheme separators (<c>https:evil</c>), user-info and fragment tricks around '@', a trusted
/// name used as a subdomain, path or query of another host, encoded or numeric hosts, a redirect parameter whose
/// value is such a URL or a bare host, and escaped script schemes. An absolute URL in a parameter is ordinary
/// traffic (login return URLs, analytics) and is not flagged by itself.
/// </summary>
internal sealed class OpenRedirectDetector : IViewDetector
{
    private const int MaxParameters = 64;

    // Characters that do not occur in a URL or query string but do between the fields of a document or the words of a text.
    private static readonly SearchValues<char> DocumentPunctuation = SearchValues.Create(" \t\r\n\"'{}[]<>`");

    // In a decoded view a space may be a decoded %20 or '+' of the query string itself.
    private static readonly SearchValues<char> DecodedDocumentPunctuation = SearchValues.Create("\t\r\n\"'{}[]<>`");

    private static readonly string[] RedirectNameParts = ["url", "uri", "redir", "return", "next", "goto", "dest", "continue", "target", "forward", "callback", "location", "navigate"];
    private static readonly string[] RedirectNames = ["r", "u", "to", "go", "out", "link", "back", "dest", "view"];
    private static readonly string[] FileExtensions = ["js", "css", "html", "htm", "php", "json", "png", "jpg", "jpeg", "gif", "svg", "xml", "txt", "ico", "map", "asp", "aspx", "jsp", "cgi", "do", "action", "woff", "woff2", "ttf", "webp", "mp4", "mp3", "pdf", "zip", "gz", "swf", "shtml", "md", "vue", "ts"];

    public string Family => ThreatCategory.OpenRedirect;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var text = view.Text;
        var unicodeDot = text.AsSpan().IndexOfAny('\u3002', '\uFF61', '\uFF0E') >= 0;
        if (unicodeDot)
        {
            // IDNA maps the ideographic and full-width full stops to '.': "evil。example" is evil.example.
            text = text.Replace('\u3002', '.').Replace('\uFF61', '.').Replace('\uFF0E', '.');
        }

        var s = text.AsSpan().Trim();
        var offset = text.Length - text.AsSpan().TrimStart().Length;
        if (s.Length < 3)
        {
            return;
        }

        var context = new Context(view, findings, offset, ReferenceEquals(view, input.Views[0]) ? DocumentPunctuation : DecodedDocumentPunctuation);
        CheckLeadingShapes(s, context);
        CheckParameters(s, context);
        CheckReferences(s, unicodeDot ? view.Text.AsSpan().Trim() : ReadOnlySpan<char>.Empty, context);
        if (ReferenceEquals(view, input.Decoded))
        {
            CheckEncodedUrl(input, findings);
        }
    }

    private readonly struct Context(DecodedView view, FindingCollector findings, int offset, SearchValues<char> punctuation)
    {
        /// <summary>Characters that end the URL or query string the value starts with.</summary>
        public SearchValues<char> Punctuation => punctuation;

        public void Add(Rules.RuleDefinition rule, int start, int length) => findings.Add(rule, view, start + offset, length);
    }

    private static void CheckLeadingShapes(ReadOnlySpan<char> s, Context c)
    {
        var len = Math.Min(s.Length, 60);
        if (CheckRelativeStart(s, c) || CheckSchemeConfusion(s, 0, c))
        {
            return;
        }

        if (s[0] == '@' && s.Length > 4 && LooksLikeHost(s[1..]))
        {
            c.Add(RedirectRules.LeadingAt, 0, len);
            return;
        }

        if (IsEscapedScriptScheme(s))
        {
            c.Add(RedirectRules.ScriptScheme, 0, len);
            return;
        }

        CheckHostlessUserinfo(s, c);
        CheckPathShapes(s, c);
    }

    /// <summary>//host, /\host, \/host, \\host, /&lt;tab&gt;/host, kana slashes: all read as a protocol-relative URL.</summary>
    private static bool CheckRelativeStart(ReadOnlySpan<char> s, Context c)
    {
        var k = 0;
        var slashes = 0;
        var forward = 0;
        var confused = false;
        while (k < s.Length)
        {
            if (s[k] is '/' or '\\')
            {
                slashes++;
                forward += s[k] == '/' ? 1 : 0;
                confused |= s[k] == '\\';
            }
            else if (IsSlashLookalike(s[k]))
            {
                // Kana iteration marks and the prolonged sound mark are rendered, and by some URL parsers
                // normalised, as slashes at the start of a location.
                slashes += 2;
                confused = true;
            }
            else if (!(slashes > 0 && s[k] is '\t' or '\n' or '\r') && !(s[k] == '<' && k + 1 < s.Length && s[k + 1] == '>'))
            {
                break;
            }
            else
            {
                confused = true;
                k += s[k] == '<' ? 1 : 0;
            }

            k++;
        }

        if (slashes < 2 || k >= s.Length || !(char.IsLetterOrDigit(s[k]) || s[k] is '%' or '[' or '@' or ';' or '.'))
        {
            return false;
        }

        var authority = s[k..];
        var end = authority.IndexOfAny("/?#\\ ");
        var host = end < 0 ? authority : authority[..end];
        if (!(host.IndexOf('.') > 0 || host.IndexOf('@') >= 0 || host.IndexOf(':') > 0 || host[0] == '[' || HostClassifier.TryParseIPv4(host, out _, out _)))
        {
            return false;
        }

        var rest = end < 0 ? ReadOnlySpan<char>.Empty : authority[end..];
        if (forward == 0 && slashes == 2 && rest.IndexOf('\\') >= 0)
        {
            return false; // \\host\share\file is a UNC path (path traversal, SMB include), not a redirect
        }

        if (!confused && slashes == 2 && IsResourcePath(rest, 2))
        {
            return false; // //cdn.example/a/b/c.css: a protocol-relative resource reference, not a destination
        }

        c.Add(confused || slashes > 2 ? RedirectRules.SlashConfusedRelative : RedirectRules.ProtocolRelative, 0, Math.Min(s.Length, 60));
        return true;
    }

    /// <summary>http:/\host, https:///host, http:\\host, https:host: slash confusion that browsers still follow.</summary>
    private static bool CheckSchemeConfusion(ReadOnlySpan<char> s, int at, Context c)
    {
        var colon = s.IndexOf(':');
        if (colon is < 4 or > 5)
        {
            return false;
        }

        var scheme = s[..colon];
        var isWeb = scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
        var after = s[(colon + 1)..];
        if (!isWeb || after.Length <= 2 || after[0] == '%' || after.TrimStart("/\\\t\r\n ").Length == 0)
        {
            return false; // "https:%2F%2F..." is only encoded; the decoded view judges it
        }

        var confused = !after.StartsWith("//") || after.StartsWith("///") || after.IndexOf('\\') is >= 0 and < 3;
        var start = after.TrimStart("/\\\t\r\n ")[0];
        if (confused && (char.IsLetterOrDigit(start) || start is '@' or '[') && !IsTripleSlashResource(after))
        {
            c.Add(RedirectRules.SchemeConfusion, at, Math.Min(s.Length, 60));
            return true;
        }

        return false;
    }

    /// <summary>/https://host, /\host, /evil.example, /redirect/evil.example.</summary>
    private static void CheckPathShapes(ReadOnlySpan<char> s, Context c)
    {
        if (s.Length < 2 || s[0] != '/' || s[1] == '/')
        {
            return;
        }

        var len = Math.Min(s.Length, 60);
        var rest = s[1..];
        if (rest.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("\\"))
        {
            c.Add(RedirectRules.EmbeddedUrl, 0, len);
            return;
        }

        var segEnd = rest.IndexOfAny("/?#");
        var dotted = rest.Length > 0 && rest[0] == '.';
        var seg = (segEnd < 0 ? rest : rest[..segEnd]).TrimStart('.');
        var tail = segEnd < 0 ? ReadOnlySpan<char>.Empty : rest[segEnd..];
        var confusedTail = tail.StartsWith("//") || tail.StartsWith("/..");

        // "/.evil.example" reads as a host to parsers that drop the dot segment.
        var domain = LooksLikeDomain(seg) || (dotted && LooksLikeHost(seg) && seg.IndexOf(':') < 0);
        var hostLike = domain && !HasFileExtension(seg) && (tail.Length <= 1 || seg.StartsWith("www.", StringComparison.OrdinalIgnoreCase));
        if (hostLike || (confusedTail && LooksLikeHost(seg) && !HasFileExtension(seg)))
        {
            c.Add(RedirectRules.HostInPath, 0, len);
            return;
        }

        if (segEnd > 0 && rest[segEnd] == '/' && IsRedirectWord(seg))
        {
            var next = rest[(segEnd + 1)..];
            var nextEnd = next.IndexOfAny("/?#");
            var nextSeg = nextEnd < 0 ? next : next[..nextEnd];
            if ((LooksLikeHost(nextSeg) && !HasFileExtension(nextSeg)) || next.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                c.Add(RedirectRules.RedirectEndpointHost, 0, len);
            }
        }
    }

    /// <summary>trusted.example;@evil.example, trusted.example\@evil: the start reads as a host but is user-info.</summary>
    private static void CheckHostlessUserinfo(ReadOnlySpan<char> s, Context c)
    {
        var at = s.IndexOf('@');
        if (at < 4 || at + 4 >= s.Length || !LooksLikeHost(s[(at + 1)..]))
        {
            return;
        }

        var before = s[..at];
        var cut = before.IndexOfAny(";\\?#,");
        var host = cut < 0 ? before : before[..cut];
        if (LooksLikeDomain(host) && (cut >= 0 || host.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            c.Add(RedirectRules.UserinfoConfusion, 0, Math.Min(s.Length, 60));
        }
    }

    /// <summary>Each <c>name=value</c>: a protocol-relative or slash-confused URL, or a bare host for a redirect name.</summary>
    private static void CheckParameters(ReadOnlySpan<char> s, Context c)
    {
        var eq = s.IndexOf('=');
        for (var n = 0; eq > 0 && eq + 2 < s.Length && n < MaxParameters; n++)
        {
            var v = s[(eq + 1)..];
            var amp = v.IndexOf('&');
            var value = amp < 0 ? v : v[..amp];
            var name = NameBefore(s, eq);
            if (s[..(eq - name.Length)].IndexOfAny(c.Punctuation) >= 0)
            {
                return; // a name=value further inside a document or text is not a parameter of the value's URL
            }

            if (JudgeParameter(s, eq, name, value, c))
            {
                return;
            }

            var next = v.IndexOf('=');
            eq = next < 0 ? -1 : eq + 1 + next;
        }

        // /out?www.evil.example: the whole query is a host.
        var qm = s.IndexOf('?');
        if (qm >= 0 && s[(qm + 1)..].IndexOf('=') < 0)
        {
            var raw = s[(qm + 1)..];
            var query = raw.TrimStart("/\\");
            var end = query.IndexOfAny("&/?#");
            var slashed = raw.Length - query.Length >= 2;
            if (LooksLikeDomain(end < 0 ? query : query[..end]) && (slashed || query.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
            {
                c.Add(RedirectRules.HostParameter, qm, Math.Min(s.Length - qm, 60));
            }
        }
    }

    private static bool JudgeParameter(ReadOnlySpan<char> s, int eq, ReadOnlySpan<char> name, ReadOnlySpan<char> value, Context c)
    {
        var len = Math.Min(s.Length - eq, 60);
        var run = value.IndexOfAnyExcept("/\\");
        if (run >= 2 && (char.IsLetterOrDigit(value[run]) || value[run] == '@') && LooksLikeHostStart(value[run..]))
        {
            var confused = value[..run].IndexOf('\\') >= 0 || run > 2;
            var host = value[run..];
            var end = host.IndexOfAny("/?#\\");
            if (confused || !IsResourcePath(end < 0 ? ReadOnlySpan<char>.Empty : host[end..], 2))
            {
                c.Add(RedirectRules.UrlParameter, eq, len);
                return true;
            }

            return false; // ReturnUrl=//app.example/a/b: a protocol-relative resource of the site's own shape
        }

        if (CheckSchemeConfusion(value, eq + 1, c))
        {
            return true;
        }

        // ?next=https://other.example or /login?return=//...: the tested value is the redirect parameter itself. Inside
        // an absolute URL (https://site/login?redirect_uri=https://...) it is an ordinary return URL.
        var relative = (s[0] is '?' or '/' && !s.StartsWith("//") && s[..eq].IndexOf("://", StringComparison.Ordinal) < 0) || EndpointBefore(s, eq);
        if (relative && IsRedirectParameter(name) && (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            c.Add(RedirectRules.AbsoluteUrlParameter, eq, len);
            return true;
        }

        var bare = value.TrimStart("/\\");
        var valueEnd = bare.IndexOfAny("&/?#");
        var token = valueEnd < 0 ? bare : bare[..valueEnd];
        if (LooksLikeDomain(token) && !HasFileExtension(token) && IsRedirectParameter(name))
        {
            c.Add(RedirectRules.HostParameter, eq, len);
            return true;
        }

        return false;
    }

    // original: the view before full stops were mapped, when it had any; else empty.
    private static void CheckReferences(ReadOnlySpan<char> s, ReadOnlySpan<char> original, Context c)
    {
        var position = 0;
        var budget = 0;
        while (UrlAuthority.TryNext(s, ref position, ref budget, out var url))
        {
            if (!url.HasScheme || !url.IsWeb || !IsTarget(s, url, c.Punctuation))
            {
                continue;
            }

            if (url.Host.Length == 0)
            {
                if (url.HasUserinfo)
                {
                    c.Add(RedirectRules.UserinfoConfusion, url.Start, url.Length); // https://trusted@/evil
                }

                continue;
            }

            var unicodeDot = original.Length > 0 && s.Overlaps(url.Host, out var at) && original.Slice(at, url.Host.Length).IndexOfAny('\u3002', '\uFF61', '\uFF0E') >= 0;
            CheckAuthority(url, unicodeDot, c);
            CheckAfterHost(url, c);
        }
    }

    // The reference is where a redirect would go: the value starts with it (quotes aside), or it is the value of a
    // parameter of the URL or query string the value starts with. A URL further inside a document, a sentence or
    // markup is a link the text mentions, not a destination the application is asked to follow.
    private static bool IsTarget(ReadOnlySpan<char> s, UrlReference url, SearchValues<char> punctuation)
    {
        var lead = s[..url.Start];
        if (lead.TrimStart("\"'` \t\r\n").IsEmpty)
        {
            return true;
        }

        return (url.IsParameterValue && lead.IndexOfAny(punctuation) < 0) || IsLinkAttribute(lead);
    }

    // <a href="http://..."> and <form action=...>: markup that sends the browser to the reference when followed.
    private static bool IsLinkAttribute(ReadOnlySpan<char> lead)
    {
        var k = lead.Length;
        if (k > 0 && lead[k - 1] is '"' or '\'')
        {
            k--;
        }

        if (k == 0 || lead[k - 1] != '=')
        {
            return false;
        }

        var name = lead[..(k - 1)].TrimEnd();
        var start = name.Length;
        while (start > 0 && char.IsAsciiLetter(name[start - 1]))
        {
            start--;
        }

        var attribute = name[start..];
        var link = attribute.Equals("href", StringComparison.OrdinalIgnoreCase) || attribute.Equals("action", StringComparison.OrdinalIgnoreCase)
            || attribute.Equals("formaction", StringComparison.OrdinalIgnoreCase);
        return link && start > 0 && char.IsWhiteSpace(name[start - 1]) && name[..start].LastIndexOf('<') > name[..start].LastIndexOf('>');
    }

    private static void CheckAuthority(UrlReference url, bool unicodeDot, Context c)
    {
        // Up to the first '/', a browser and an allow-list check can disagree about the host: '@' after '#', '?'
        // or '\' (http://good.example#@evil), backslashes and tabs.
        var region = url.Region;
        var special = region.IndexOfAny("?#\\");
        var backslash = region.IndexOf('\\') is var b and >= 0 && b + 1 < region.Length;
        if ((special >= 0 && region.IndexOf('@') > special) || region.IndexOf('\t') >= 0 || backslash || region.IndexOf('\u202E') >= 0)
        {
            c.Add(RedirectRules.AuthorityConfusion, url.Start, url.Length);
        }

        if (!url.HasUserinfo && region.IndexOf('@') >= 0)
        {
            c.Add(RedirectRules.UserinfoConfusion, url.Start, url.Length);
        }
        else if (url.HasUserinfo)
        {
            var userinfo = url.Userinfo;
            if ((userinfo.Length > 0 && userinfo.IndexOf('.') > 0) || userinfo.Length >= 8 || userinfo.IndexOfAny(";/\\") >= 0 || userinfo.Length == 0)
            {
                c.Add(RedirectRules.UserinfoConfusion, url.Start, url.Length);
            }
        }

        var host = url.Host;
        var malformed = host[0] == '.' || (host.IndexOfAnyExcept("0123456789.") < 0 && !HostClassifier.TryParseIPv4(host, out _, out _));
        var numeric = HostClassifier.TryParseIPv4(host, out _, out var obfuscated) && obfuscated;
        if (malformed || numeric || host[0] == '[' || host.IndexOf('%') >= 0 || unicodeDot)
        {
            c.Add(RedirectRules.ObfuscatedHost, url.Start, url.Length);
        }

        if (HasEmbeddedDomain(host))
        {
            c.Add(RedirectRules.DomainConfusion, url.Start, url.Length);
        }
    }

    private static void CheckAfterHost(UrlReference url, Context c)
    {
        var path = url.Path;
        if ((path.StartsWith("//") && !IsDoubledSlashResource(path)) || path.StartsWith("/..") || path.StartsWith("/\\"))
        {
            c.Add(RedirectRules.PathConfusion, url.Start, url.Length);
            return;
        }

        // /https://evil directly after the host is a redirector; /web/2020/https://... is an archive link.
        var nested = path.IndexOf("://", StringComparison.Ordinal);
        var q = path.IndexOfAny('?', '#');
        if (nested is > 1 and <= 7 && (q < 0 || nested < q) && path[1..nested].IndexOfAnyExceptInRange('a', 'z') < 0)
        {
            c.Add(RedirectRules.NestedUrl, url.Start, url.Length);
            return;
        }

        // https://evil.example/www.trusted.example, https://evil.example?trusted.example, #trusted.example
        var after = url.PathAndQuery;
        var stop = after.IndexOfAny(" \"'<>,");
        path = stop < 0 ? after : after[..stop];
        var segment = path.TrimStart("/?#");
        var end = segment.IndexOfAny("/?#&=");
        var first = end < 0 ? segment : segment[..end];
        var queryHost = path.Length > 1 && path[0] is '?' or '#' && LooksLikeHost(first) && first.IndexOf(':') < 0;
        if (path.Length > 1 && !HasFileExtension(first) && (queryHost || (LooksLikeDomain(first) && first.StartsWith("www.", StringComparison.OrdinalIgnoreCase))))
        {
            c.Add(RedirectRules.DomainConfusion, url.Start, url.Length);
        }
    }

    // trusted.com.evil.example: a registrable name used as labels of another host (not com.cn-style suffixes).
    private static bool HasEmbeddedDomain(ReadOnlySpan<char> host)
    {
        ReadOnlySpan<string> generic = ["com", "net", "org", "edu", "gov", "io"];
        foreach (var g in generic)
        {
            var at = host.IndexOf(("." + g + ".").AsSpan(), StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                var after = host[(at + g.Length + 2)..];
                if (after.Count('.') >= 1 || after.Length > 3)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Percent-encoding letters and digits is never needed; a URL written that way is hiding from filters.
    private static void CheckEncodedUrl(NormalisedInput input, FindingCollector f)
    {
        var decoded = input.Decoded.Text.AsSpan().TrimStart();
        var urlLike = decoded.StartsWith("//") || (decoded.StartsWith("http", StringComparison.OrdinalIgnoreCase) && decoded.IndexOf("://", StringComparison.Ordinal) is > 3 and < 7);
        if (input.Views.Count > 1 && urlLike && EncodedAlphanumerics(input.Raw) >= 4)
        {
            f.Add(RedirectRules.EncodedUrl, input.Decoded, 0, Math.Min(input.Decoded.Text.Length, 60));
        }
    }

    private static int EncodedAlphanumerics(string raw)
    {
        var n = 0;
        for (var i = raw.IndexOf('%', StringComparison.Ordinal); i >= 0 && i + 2 < raw.Length; i = raw.IndexOf('%', i + 1))
        {
            if (UrlDecoder.TryHex(raw, i + 1, 2, out var b) && char.IsAsciiLetterOrDigit((char)b))
            {
                n++;
            }
        }

        return n;
    }

    // \j\av\a\s\cr\i\pt\:  java%09script:  — a script scheme with characters a filter sees and a browser drops.
    private static bool IsEscapedScriptScheme(ReadOnlySpan<char> s)
    {
        Span<char> letters = stackalloc char[11];
        var n = 0;
        var dropped = 0;
        for (var i = 0; i < s.Length && i < 64 && n < letters.Length; i++)
        {
            if (s[i] is '\\' or '\t' or '\n' or '\r' or ' ')
            {
                dropped++;
                continue;
            }

            letters[n++] = char.ToLowerInvariant(s[i]);
        }

        return dropped > 0 && n == letters.Length && letters.SequenceEqual("javascript:");
    }

    // https:///cdn.example/a/b/c.png: one slash too many before a host serving a file deep in its tree is a badly
    // joined asset URL; the confusion an allow-list falls for is https:///evil.example with little or no path.
    private static bool IsTripleSlashResource(ReadOnlySpan<char> after)
    {
        if (!after.StartsWith("///") || after.Length < 4 || after[3] is '/' or '\\')
        {
            return false;
        }

        var authority = after[3..];
        var end = authority.IndexOfAny("/?#\\");
        if (end <= 0 || !LooksLikeDomain(authority[..end]) || authority[end] != '/')
        {
            return false;
        }

        var rest = authority[end..];
        var q = rest.IndexOfAny('?', '#');
        var path = q < 0 ? rest : rest[..q];
        var file = path[(path.LastIndexOf('/') + 1)..];
        return file.IndexOf('.') > 0 && HasFileExtension(file) && IsResourcePath(rest, 3);
    }

    // https://cdn.example//a/b.js: a doubled slash before plain path segments, the first of which names no host, is
    // a sloppy join of a base URL and a path; //evil.example, // alone or //.. are what defeat a prefix check.
    private static bool IsDoubledSlashResource(ReadOnlySpan<char> path)
    {
        var rest = path[1..];
        var first = rest[1..];
        var end = first.IndexOfAny("/?#");
        first = end < 0 ? first : first[..end];
        return first.Length > 0 && !(LooksLikeHost(first) && !HasFileExtension(first)) && first.IndexOf('%') < 0 && IsResourcePath(rest, 2);
    }

    // A protocol-relative resource: plain path segments after the host (//cdn.example/a/b/c.js).
    private static bool IsResourcePath(ReadOnlySpan<char> rest, int minSegments)
    {
        if (rest.IndexOfAny("@\\") >= 0 || rest.StartsWith("//") || rest.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var q = rest.IndexOfAny('?', '#');
        var path = q < 0 ? rest : rest[..q];
        var segments = 0;
        foreach (var range in path.Split('/'))
        {
            segments += range.End.Value > range.Start.Value ? 1 : 0;
        }

        return segments >= minSegments;
    }

    // https://site/redirect?url=...: the path segment before the query is a redirect endpoint.
    private static bool EndpointBefore(ReadOnlySpan<char> s, int eq)
    {
        var qm = s[..eq].LastIndexOf('?');
        if (qm <= 0)
        {
            return false;
        }

        var path = s[..qm];
        return IsRedirectWord(path[(path.LastIndexOf('/') + 1)..]);
    }

    private static ReadOnlySpan<char> NameBefore(ReadOnlySpan<char> s, int eq)
    {
        var k = eq;
        while (k > 0 && (Scanning.IsIdentChar(s[k - 1]) || s[k - 1] is '-' or '[' or ']' or '.'))
        {
            k--;
        }

        return s[k..eq];
    }

    private static bool IsRedirectParameter(ReadOnlySpan<char> name)
    {
        foreach (var n in RedirectNames)
        {
            if (name.Equals(n, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var part in RedirectNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The text after leading slashes names a host: a dotted name, an address, or user-info before one.
    private static bool LooksLikeHostStart(ReadOnlySpan<char> s)
    {
        var end = s.IndexOfAny("/?#\\&\"' ");
        var host = end < 0 ? s : s[..end];
        return host.IndexOf('.') > 0 || host.IndexOf('@') >= 0 || HostClassifier.TryParseIPv4(host, out _, out _);
    }

    private static bool IsSlashLookalike(char c) => c is '\u3031' or '\u3035' or '\u309D' or '\u30FC' or '\uFF70' or '\u2044' or '\u2215';

    private static bool LooksLikeHost(ReadOnlySpan<char> s)
    {
        var end = s.IndexOfAny("/?#");
        var host = end < 0 ? s : s[..end];
        return host.IndexOf('.') > 0 && host.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:") < 0;
    }

    private static bool IsRedirectWord(ReadOnlySpan<char> seg) =>
        seg.Equals("redirect", StringComparison.OrdinalIgnoreCase) || seg.Equals("redir", StringComparison.OrdinalIgnoreCase) || seg.Equals("out", StringComparison.OrdinalIgnoreCase)
        || seg.Equals("goto", StringComparison.OrdinalIgnoreCase) || seg.Equals("go", StringComparison.OrdinalIgnoreCase) || seg.Equals("url", StringComparison.OrdinalIgnoreCase)
        || seg.Equals("link", StringComparison.OrdinalIgnoreCase) || seg.Equals("exit", StringComparison.OrdinalIgnoreCase) || seg.Equals("away", StringComparison.OrdinalIgnoreCase);

    // The last label is a file extension (plugins.min.js), so the segment names a file, not a host.
    private static bool HasFileExtension(ReadOnlySpan<char> seg)
    {
        var tld = seg[(seg.LastIndexOf('.') + 1)..];
        foreach (var ext in FileExtensions)
        {
            if (tld.Equals(ext, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // www.host.tld or a.b.tld with letters-only TLD; file names like index.html have one dot and stay out.
    private static bool LooksLikeDomain(ReadOnlySpan<char> seg)
    {
        if (seg.Length < 4)
        {
            return false;
        }

        var dots = 0;
        foreach (var c in seg)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        var tld = seg[(seg.LastIndexOf('.') + 1)..];
        var lettersTld = tld.Length is >= 2 and <= 12 && !tld.ContainsAnyExceptInRange('a', 'z');
        var labels = true;
        foreach (var range in seg.Split('.'))
        {
            labels &= range.End.Value - range.Start.Value is > 0 and <= 63;
        }

        return lettersTld && labels && (dots >= 2 || seg.StartsWith("www.", StringComparison.OrdinalIgnoreCase));
    }
}
