using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Web;

/// <summary>
/// Attacks carried by a URL value: server-side request forgery (a URL aimed at loopback, private ranges, cloud
/// metadata or at gopher/dict handlers), remote file inclusion (a remote script whose extension or trailing
/// <c>?</c>/NUL is built to be included) and open redirects (protocol-relative and slash-confused URLs, userinfo
/// tricks such as <c>https://trusted@evil</c>, numeric hosts, and redirect parameters whose value is an absolute
/// URL). A plain https link to a project homepage is none of these.
/// </summary>
internal sealed class UrlTargetDetector : IThreatDetector
{
    private static readonly string[] SsrfSchemes = ["gopher://", "dict://", "tftp://", "ldap://", "sftp://", "netdoc://", "jar:", "ftp://", "smb://", "rmi://"];
    private static readonly string[] IncludeExtensions = [".txt", ".php", ".php3", ".php5", ".phtml", ".inc", ".sh", ".pl", ".py", ".asp", ".aspx", ".jsp", ".cgi", ".gif", ".jpg", ".png"];

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        foreach (var view in input.Views)
        {
            InspectView(view, input, findings);
        }

        // Percent-encoding letters and digits is never needed; a URL written that way is hiding from filters.
        var decoded = input.Decoded.Text.AsSpan().TrimStart();
        if (input.Views.Count > 1 && EncodedAlphanumerics(input.Raw) >= 4 && (decoded.StartsWith("//") || decoded.StartsWith("http", StringComparison.OrdinalIgnoreCase) && decoded.IndexOf("://", StringComparison.Ordinal) is > 3 and < 7))
        {
            findings.Add(ThreatCategory.OpenRedirect, "redirect.encoded_url", 0.72, input.Decoded, 0, Math.Min(input.Decoded.Text.Length, 60), "URL with percent-encoded letters, hidden from allow-lists");
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

    private static void InspectView(DecodedView view, NormalisedInput input, FindingCollector f)
    {
        var s = view.Text.AsSpan().Trim();
        var offset = view.Text.Length - view.Text.AsSpan().TrimStart().Length;
        if (s.Length < 3 || (s.IndexOf('/') < 0 && s.IndexOf('\\') < 0 && s.IndexOf(':') < 0))
        {
            return;
        }

        CheckRedirectShapes(view, s, offset, f);

        // Every scheme://authority in the view.
        var searchFrom = 0;
        var guard = 0;
        while (guard++ < 256)
        {
            var rel = s[searchFrom..].IndexOf("//", StringComparison.Ordinal);
            if (rel < 0)
            {
                break;
            }

            var slashes = searchFrom + rel;
            searchFrom = slashes + 2;
            var schemeStart = slashes;
            if (slashes > 0 && s[slashes - 1] == ':')
            {
                schemeStart = slashes - 1;
                while (schemeStart > 0 && (char.IsAsciiLetterOrDigit(s[schemeStart - 1]) || s[schemeStart - 1] is '+' or '-' or '.'))
                {
                    schemeStart--;
                }
            }

            var scheme = s[schemeStart..slashes];
            if (scheme.Length == 0 && slashes > 0 && s[slashes - 1] is not '=' and not '?' and not '"' and not '\'' and not '/' and not '\\')
            {
                continue; // "//" inside text (a comment, a path) is not a URL reference
            }

            var authorityStart = slashes + 2;
            while (authorityStart < s.Length && s[authorityStart] is '/' or '\\')
            {
                authorityStart++;
            }

            var authorityEnd = authorityStart;
            while (authorityEnd < s.Length && s[authorityEnd] is not '/' and not '?' and not '#' and not '\\' and not ' ' and not '"' and not '\'' and not '<' and not '>')
            {
                authorityEnd++;
            }

            var authority = s[authorityStart..authorityEnd];
            var at = authority.LastIndexOf('@');
            var hostPort = at >= 0 ? authority[(at + 1)..] : authority;
            var host = StripPort(hostPort);
            if (host.Length == 0)
            {
                continue;
            }

            var urlStart = schemeStart + offset;
            var urlLength = Math.Min(s.Length - schemeStart, 80);

            // Up to the first '/', a browser and an allow-list check can disagree about the host: '@' after '#', '?'
            // or '\' (http://good.com#@evil), backslashes and tabs.
            var regionEnd = authorityStart;
            while (regionEnd < s.Length && s[regionEnd] is not '/' and not ' ' and not '"' and not '\'')
            {
                regionEnd++;
            }

            var region = s[authorityStart..regionEnd];
            var confusedRegion = region.IndexOf('@') > region.IndexOfAny("?#\\") && region.IndexOfAny("?#\\") >= 0 || region.IndexOf('\t') >= 0 || region.IndexOf('\\') >= 0;
            if (confusedRegion && scheme.Length > 0)
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.authority_confusion", 0.78, view, urlStart, urlLength, "characters in the authority make parsers disagree about the host");
            }

            var pathStart = regionEnd;
            var pathEnd = pathStart;
            while (pathEnd < s.Length && s[pathEnd] is not ' ' and not '"' and not '\'' and not '<' and not '>')
            {
                pathEnd++;
            }

            var path = s[pathStart..pathEnd];
            if (scheme.Length > 0 && (path.StartsWith("//") || path.StartsWith("/..") || path.StartsWith("/\\")))
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.path_confusion", 0.7, view, urlStart, urlLength, "double slash or dot-dot right after the host defeats prefix allow-lists");
            }
            else if (scheme.Length > 0 && path.IndexOf("://", StringComparison.Ordinal) > 0 && path.IndexOf('?') is < 0 or > 8)
            {
                var nested = path.IndexOf("://", StringComparison.Ordinal);
                var q = path.IndexOf('?');

                // /https://evil directly after the host is a redirector; /web/2020/https://... is an archive link.
                var firstSegment = path.Length > 1 && path[1..].IndexOf('/') is var slash && (slash < 0 || slash + 1 >= nested - 6);
                if ((q < 0 || nested < q) && firstSegment)
                {
                    f.Add(ThreatCategory.OpenRedirect, "redirect.nested_url", 0.72, view, urlStart, urlLength, "a second absolute URL in the path, used by redirectors");
                }
            }

            if (scheme.Length > 0 && (host[0] == '.' || (host.IndexOfAnyExcept("0123456789.") < 0 && !HostClassifier.TryParseIPv4(host, out _, out _))))
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.obfuscated_host", 0.7, view, urlStart, urlLength, "malformed numeric or dotted host");
            }
            var isSsrfScheme = false;
            foreach (var ss in SsrfSchemes)
            {
                if (scheme.Length > 1 && ss.AsSpan().StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && ss[scheme.Length - 1] == ':' && ss.Length == scheme.Length + 2)
                {
                    isSsrfScheme = ss is "gopher://" or "dict://" or "tftp://" or "netdoc://" or "smb://";
                }
            }

            if (HostClassifier.IsInternalHost(host, out var metadata, out var obfuscatedIp))
            {
                // "Open http://localhost:8080 in your browser" is documentation, not a forged request: a plain
                // loopback URL inside a sentence is weak; metadata endpoints, odd schemes and disguised hosts are not.
                var inProse = schemeStart > 0 && s.Count(' ') >= 3;
                var c = metadata ? 0.93 : isSsrfScheme ? 0.92 : obfuscatedIp ? 0.88 : inProse ? 0.45 : 0.8;
                f.Add(ThreatCategory.Ssrf, metadata ? "ssrf.cloud_metadata" : "ssrf.internal_target", c, view, urlStart, urlLength, metadata ? "URL aimed at a cloud metadata endpoint" : "URL aimed at a loopback or private address");
                continue;
            }

            if (isSsrfScheme)
            {
                f.Add(ThreatCategory.Ssrf, "ssrf.protocol_smuggling", 0.85, view, urlStart, urlLength, "gopher/dict-style scheme lets a request speak other protocols");
                continue;
            }

            var isWeb = scheme.Equals("http:", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https:", StringComparison.OrdinalIgnoreCase) || scheme.Equals("ftp:", StringComparison.OrdinalIgnoreCase) || scheme.Length == 0;
            if (!isWeb)
            {
                continue;
            }

            // Remote file inclusion: the path ends in an includable file, often with ?/NUL to cut off a suffix.
            var pathAndQuery = s[authorityEnd..];
            var isParameterValue = schemeStart > 0 && s[schemeStart - 1] == '=';
            var rfi = RfiShape(pathAndQuery, input.ContainedNul, scheme.Length > 0, isParameterValue);
            if (rfi > 0)
            {
                f.Add(ThreatCategory.Rfi, "rfi.remote_include", rfi, view, urlStart, urlLength, "remote script URL shaped for inclusion");
            }

            if (at < 0 && region.IndexOf('@') >= 0 && scheme.Length > 0)
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.userinfo_confusion", 0.78, view, urlStart, urlLength, "user-info before '@' disguises the real host");
            }
            else if (at >= 0 && scheme.Length + authorityStart > 0)
            {
                var userinfo = authority[..at];
                if (userinfo.Length > 0 && userinfo.IndexOf('.') > 0 || userinfo.Length >= 8 || userinfo.IndexOfAny(";/\\") >= 0 || userinfo.Length == 0)
                {
                    f.Add(ThreatCategory.OpenRedirect, "redirect.userinfo_confusion", 0.78, view, urlStart, urlLength, "user-info before '@' disguises the real host");
                }
            }

            if (HostClassifier.TryParseIPv4(host, out _, out var obfuscated) && obfuscated || host[0] == '[' || host.IndexOf('%') >= 0)
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.obfuscated_host", 0.72, view, urlStart, urlLength, "numeric or encoded host hides the destination");
            }

            // A redirect parameter whose value is an absolute URL: ?next=https://..., &url=//host
            if (isParameterValue && rfi <= 0)
            {
                var eq = schemeStart - 1;
                var k = eq - 1;
                while (k >= 0 && (Scanning.IsIdentChar(s[k]) || s[k] is '-' or '[' or ']'))
                {
                    k--;
                }

                if (k >= 0 && s[k] is '?' or '&' || k < 0)
                {
                    f.Add(ThreatCategory.OpenRedirect, "redirect.url_parameter", 0.76, view, Math.Max(0, k) + offset, Math.Min(s.Length - Math.Max(0, k), 80), "parameter value is an absolute URL to another host");
                }
            }
        }
    }

    private static void CheckRedirectShapes(DecodedView view, ReadOnlySpan<char> s, int offset, FindingCollector f)
    {
        var len = Math.Min(s.Length, 60);

        // //host, /\host, \/host, \\host, /<tab>/host: browsers treat all of them as a protocol-relative URL.
        var k = 0;
        var slashes = 0;
        var backslash = false;
        while (k < s.Length && (s[k] is '/' or '\\' || IsSlashLookalike(s[k]) || (slashes > 0 && s[k] is '\t' or '\n' or '\r')))
        {
            if (s[k] is '/' or '\\')
            {
                slashes++;
                backslash |= s[k] == '\\';
            }
            else if (IsSlashLookalike(s[k]))
            {
                // Kana iteration marks and the prolonged sound mark are rendered, and by some URL parsers
                // normalised, as slashes at the start of a location.
                slashes += 2;
                backslash = true;
            }

            k++;
        }

        if (k == 0 && s.Length > 4 && s[0] == '@' && LooksLikeHost(s[1..]))
        {
            f.Add(ThreatCategory.OpenRedirect, "redirect.userinfo_confusion", 0.65, view, offset, len, "leading '@' turns the preceding URL into user-info");
        }

        if (slashes >= 2 && k < s.Length && (char.IsLetterOrDigit(s[k]) || s[k] is '%' or '[' or '@' or ';'))
        {
            var authority = s[k..];
            var end = authority.IndexOfAny("/?#\\ ");
            var host = end < 0 ? authority : authority[..end];
            if (host.IndexOf('.') > 0 || host.IndexOf('@') >= 0 || host.IndexOf(':') > 0 || host[0] == '[' || HostClassifier.TryParseIPv4(host, out _, out _))
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.protocol_relative", backslash || slashes > 2 ? 0.82 : 0.78, view, offset, len, "protocol-relative URL sends the browser to another host");
                return;
            }
        }

        // http:/\host, https:///host, http:\\host, https:host — slash confusion accepted by browsers.
        var colon = s.IndexOf(':');
        if (colon is > 2 and <= 6)
        {
            var scheme = s[..colon];
            var isWeb = scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
            var after = s[(colon + 1)..];
            if (isWeb && after.Length > 0)
            {
                var confused = !after.StartsWith("//") || after.StartsWith("///") || after.IndexOf('\\') is >= 0 and < 3;
                if (confused && after.Length > 2 && after.TrimStart("/\\").Length > 0)
                {
                    f.Add(ThreatCategory.OpenRedirect, "redirect.scheme_confusion", 0.76, view, offset, len, "malformed scheme separator that browsers still follow");
                }
            }
        }

        // /https://host, /http:host, /redirect/evil.example.com, /www.evil.example
        if (s.Length > 1 && s[0] == '/' && s[1] != '/')
        {
            var rest = s[1..];
            if (rest.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("\\"))
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.embedded_url", 0.78, view, offset, len, "path that is itself a URL to another host");
                return;
            }

            var segEnd = rest.IndexOfAny("/?#");
            var seg = segEnd < 0 ? rest : rest[..segEnd];
            var confusedTail = segEnd > 0 && (rest[segEnd..].StartsWith("//") || rest[segEnd..].StartsWith("/.."));
            if (LooksLikeDomain(seg) || (confusedTail && LooksLikeHost(seg)))
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.host_in_path", 0.6, view, offset, len, "path segment is a host name");
                return;
            }

            if (segEnd > 0 && rest[segEnd] == '/' && IsRedirectWord(seg))
            {
                var next = rest[(segEnd + 1)..];
                var nextEnd = next.IndexOfAny("/?#");
                if (LooksLikeDomain(nextEnd < 0 ? next : next[..nextEnd]) || next.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    f.Add(ThreatCategory.OpenRedirect, "redirect.host_in_path", 0.7, view, offset, len, "redirect endpoint followed by a host name");
                }
            }
        }

        // ?next=evil.example.com, /out?www.evil.example, ?to=/evil.example.com: the query value is a host.
        var qm = s.IndexOf('?');
        if (qm >= 0)
        {
            var query = s[(qm + 1)..];
            var valueStart = query.IndexOf('=') is var e and >= 0 && e < 32 && query[..e].IndexOfAny("&/") < 0 ? e + 1 : 0;
            var value = query[valueStart..].TrimStart("/\\");
            var valueEnd = value.IndexOfAny("&/?#");
            if (LooksLikeDomain(valueEnd < 0 ? value : value[..valueEnd]))
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.host_parameter", 0.72, view, qm + offset, Math.Min(s.Length - qm, 60), "query value is a bare host name for a redirect");
                return;
            }
        }

        // ?next=/\evil, ?url=//evil, =\/\/evil
        var eq = s.IndexOf('=');
        while (eq > 0 && eq + 2 < s.Length)
        {
            var v = s[(eq + 1)..];
            if (v.Length > 2 && v[0] is '/' or '\\' && v[1] is '/' or '\\' && (char.IsLetterOrDigit(v[2]) || v[2] is '/' or '\\'))
            {
                f.Add(ThreatCategory.OpenRedirect, "redirect.url_parameter", 0.76, view, eq + offset, Math.Min(s.Length - eq, 60), "parameter value is a protocol-relative URL");
                return;
            }

            var next = v.IndexOf('=');
            eq = next < 0 ? -1 : eq + 1 + next;
        }
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
        var lettersTld = tld.Length >= 2 && !tld.ContainsAnyExceptInRange('a', 'z');
        return lettersTld && (dots >= 2 || seg.StartsWith("www.", StringComparison.OrdinalIgnoreCase));
    }

    private static double RfiShape(ReadOnlySpan<char> pathAndQuery, bool nul, bool hasScheme, bool isParameterValue)
    {
        if (!hasScheme || pathAndQuery.Length == 0)
        {
            return 0;
        }

        var q = pathAndQuery.IndexOf('?');
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        var trailer = q < 0 ? ReadOnlySpan<char>.Empty : pathAndQuery[q..];
        foreach (var ext in IncludeExtensions)
        {
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                var cutOff = trailer.Length > 0 && trailer.TrimEnd('?').Length == 0 || nul || trailer.StartsWith("?&") || trailer.Length is > 0 and <= 2;
                if (cutOff)
                {
                    return 0.85;
                }

                // A script URL handed to a parameter (page=, include=, template=) is the inclusion itself.
                return isParameterValue && ext is not ".gif" and not ".jpg" and not ".png" ? 0.8 : ext is ".txt" or ".inc" ? 0.55 : 0;
            }
        }

        return 0;
    }

    private static ReadOnlySpan<char> StripPort(ReadOnlySpan<char> hostPort)
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
