using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Web;

/// <summary>
/// Server-side request forgery: a URL aimed at loopback, private, link-local or cloud metadata addresses in any
/// notation (<see cref="HostClassifier"/>: decimal, octal, hex, short forms, IPv6-mapped, rebinding names), with the
/// host read as the server's URL library reads it (after the last '@', before '#'), or a URL with a scheme that
/// lets the request speak another protocol (gopher, dict, tftp, ldap, jar, netdoc, sftp).
/// </summary>
internal sealed class SsrfDetector : IViewDetector
{
    private static readonly string[] SmugglingSchemes = ["gopher", "dict", "tftp", "ldap", "ldaps", "sftp", "netdoc", "smb", "rmi", "jar", "ssh2", "telnet"];

    public string Family => ThreatCategory.Ssrf;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text.AsSpan();
        if (s.IndexOf(':') < 0)
        {
            return;
        }

        var position = 0;
        var budget = 0;
        while (UrlAuthority.TryNext(s, ref position, ref budget, out var url))
        {
            var smuggling = IsSmugglingScheme(url.Scheme) || IsJarWrapped(s, url.Start);
            if (CheckInternal(view, s, url, smuggling, findings))
            {
                continue;
            }

            if (smuggling && url.Host.Length > 0)
            {
                findings.Add(SsrfRules.ProtocolSmuggling, view, url.Start, url.Length);
            }
        }

        CheckSlashlessScheme(view, s, findings);
    }

    // http:127.0.0.1/, http:/127.0.0.1, http:\\127.0.0.1: lenient URL parsers still find the host.
    private static void CheckSlashlessScheme(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        var v = s.TrimStart();
        var colon = v.IndexOf(':');
        if (colon is < 4 or > 5 || !(Scanning.At(v, 0, "http:") || Scanning.At(v, 0, "https:")))
        {
            return;
        }

        var after = v[(colon + 1)..];
        if (after.StartsWith("//") && !after.StartsWith("///"))
        {
            return;
        }

        var rest = after.TrimStart("/\\");
        var end = rest.IndexOfAny("/\\?#");
        var host = UrlAuthority.StripPort(end < 0 ? rest : rest[..end]);
        if (HostClassifier.IsInternalHost(host, out var metadata, out _))
        {
            f.Add(metadata ? SsrfRules.CloudMetadata : SsrfRules.ObfuscatedInternalTarget, view, 0, Math.Min(v.Length, 80));
        }
    }

    private static bool CheckInternal(DecodedView view, ReadOnlySpan<char> s, UrlReference url, bool smuggling, FindingCollector f)
    {
        var host = url.Host;
        var internalHost = HostClassifier.IsInternalHost(host, out var metadata, out var obfuscated);

        // http://127.0.0.1%00.trusted.example: a C resolver stops at the NUL.
        var nul = host.IndexOf('\0') is var z and > 0 ? z : Scanning.Find(host, "%00");
        if (!internalHost && nul > 0)
        {
            internalHost = HostClassifier.IsInternalHost(host[..nul], out metadata, out _);
            obfuscated = internalHost;
        }

        // http://good.example#@127.0.0.1, http://good.example\@127.0.0.1, http://good.example\127.0.0.1: parsers
        // disagree on the host.
        var confusedAt = url.Region.LastIndexOfAny('@', '\\');
        if (!internalHost && confusedAt >= 0 && confusedAt + 1 < url.Region.Length)
        {
            var alternative = UrlAuthority.StripPort(url.Region[(confusedAt + 1)..]);
            internalHost = HostClassifier.IsInternalHost(alternative, out metadata, out _);
            obfuscated = internalHost;
        }

        // http://127.0.0.1:80@evil.example: libraries that take the first host-like token see the user-info.
        if (!internalHost && url.HasUserinfo && HostClassifier.IsInternalHost(UrlAuthority.StripPort(url.Userinfo), out metadata, out _))
        {
            internalHost = true;
            obfuscated = true;
        }

        if (!internalHost)
        {
            return false;
        }

        // "Open http://localhost:8080 in your browser" is documentation, not a forged request: a plain loopback URL
        // inside a sentence is weak; metadata endpoints, odd schemes and disguised hosts are not.
        var inProse = s.Count(' ') >= 3;
        var rule = metadata ? SsrfRules.CloudMetadata
            : smuggling ? SsrfRules.InternalProtocolSmuggling
            : obfuscated || url.HasUserinfo ? SsrfRules.ObfuscatedInternalTarget
            : inProse ? SsrfRules.InternalTargetInProse
            : SsrfRules.InternalTarget;
        f.Add(rule, view, url.Start, url.Length);
        return true;
    }

    private static bool IsSmugglingScheme(ReadOnlySpan<char> scheme)
    {
        foreach (var name in SmugglingSchemes)
        {
            if (scheme.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // jar:http://host/x.jar!/ and netdoc:/ wrap another URL; the scheme before the inner one is the smuggler.
    private static bool IsJarWrapped(ReadOnlySpan<char> s, int innerStart) =>
        innerStart >= 4 && s[innerStart - 1] == ':' && (Scanning.At(s, innerStart - 4, "jar:") || (innerStart >= 7 && Scanning.At(s, innerStart - 7, "netdoc:")));
}
