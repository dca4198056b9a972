using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Paths;

/// <summary>
/// Path traversal and local file inclusion. Works on path segments rather than literal strings: a run of
/// parent-directory segments (<c>..</c> with either separator, with <c>;</c> padding, or <c>....//</c> and
/// <c>..././</c> which survive a single strip of <c>../</c>) that climbs, absolute paths to sensitive files, device
/// and UNC paths, stream wrappers (<c>file://</c>, <c>php://filter</c>), NTFS <c>::$DATA</c> and NUL truncation of an
/// appended extension. Inside an XML entity declaration the path is only the target of an XXE, so it is reported by
/// one weak corroborating rule and the XXE rules name the attack.
/// </summary>
internal sealed class PathTraversalDetector : IViewDetector
{
    private static readonly MultiPattern StrongWrappers = new("php://filter", "php://fd", "php://stdin", "php://memory", "php://temp", "phar://", "zip://", "expect://", "file:///", "file://c:", "file://localhost/", "rar://", "ogg://", "ssh2.exec://", "ssh2.shell://");
    private static readonly MultiPattern WeakWrappers = new("compress.zlib://", "compress.bzip2://", "glob://", "file://");
    private static readonly MultiPattern XmlMarkers = new("<!ENTITY", "<!DOCTYPE", "xi:include", "XInclude", "xlink:href");

    public string Family => ThreatCategory.PathTraversal;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        // Windows accepts both separators; matching on one spelling keeps the tables single.
        var s = view.Text.Contains('\\', StringComparison.Ordinal) ? view.Text.Replace('\\', '/').AsSpan() : view.Text.AsSpan();
        var report = new Reporter(view, findings, XmlMarkers.ContainsAny(view.Text));
        var climbed = CheckClimb(s, input.ContainedNul, report);
        var sensitive = CheckSensitiveTarget(s, report);
        sensitive |= CheckDrivePath(s, report);
        sensitive |= CheckSystemPath(s, report);
        CheckDevicePath(view.Text.AsSpan().TrimStart(), report);
        CheckWrappers(s, report);
        CheckDataStream(s, report);
        if (input.ContainedNul && (climbed || sensitive))
        {
            report.Add(PathRules.NulTruncation, 0, Math.Min(s.Length, 60));
        }
    }

    /// <summary>Reports a rule, or the weak XML-target rule when the path sits in an XML document's declarations.</summary>
    private readonly struct Reporter(DecodedView view, FindingCollector findings, bool insideXml)
    {
        public void Add(RuleDefinition rule, int start, int length) =>
            findings.Add(insideXml ? PathRules.XmlExternalTarget : rule, view, start, length);
    }

    private static bool CheckClimb(ReadOnlySpan<char> s, bool nul, Reporter report)
    {
        var firstDots = s.IndexOf("..", StringComparison.Ordinal);
        if (firstDots < 0)
        {
            return false;
        }

        var (count, start, end) = LongestClimb(s, firstDots);
        if (count == 0)
        {
            return false;
        }

        var target = end < s.Length ? s[end..] : ReadOnlySpan<char>.Empty;
        var sensitive = SensitivePaths.Matcher.Next(target, 0, out _) >= 0;
        var length = Math.Min(s.Length, end + 24) - start;
        if (sensitive)
        {
            report.Add(PathRules.ClimbToSensitive, start, length);
        }

        if (count >= 3)
        {
            report.Add(PathRules.DotDotClimb, start, length);
        }
        else if (count == 2)
        {
            report.Add(PathRules.DotDotPair, start, length);
        }
        else if (start == 0 || s[start - 1] is '=' or '/' || nul)
        {
            // One "../" is common in docs and relative links ("see ../README"); it needs to open the value.
            report.Add(PathRules.SingleParent, start, length);
        }

        return sensitive || count >= 2;
    }

    /// <summary>Absolute path to a sensitive file, anchored where a path value would start.</summary>
    private static bool CheckSensitiveTarget(ReadOnlySpan<char> s, Reporter report)
    {
        var wholeInputIsPath = s.Length > 0 && (s[0] == '/' || (s.Length > 2 && char.IsAsciiLetter(s[0]) && s[1] == ':' && s[2] == '/'));
        for (var at = SensitivePaths.Matcher.Next(s, 0, out var p); at >= 0; at = SensitivePaths.Matcher.Next(s, at + 1, out p))
        {
            if (IsAnchored(s, at, p, wholeInputIsPath))
            {
                report.Add(PathRules.SensitiveFile, Math.Max(0, at - 1), Math.Min(s.Length - at + 1, p.Length + 24));
                return true;
            }
        }

        return false;
    }

    private static bool IsAnchored(ReadOnlySpan<char> s, int at, string p, bool wholeInputIsPath)
    {
        var boundary = p[^1] == '/' || at + p.Length >= s.Length || !char.IsAsciiLetterOrDigit(s[at + p.Length]);
        if (!boundary)
        {
            return false;
        }

        // Anchored at the start of the input, the path must run to the end of the value ("/etc/hosts"), not be
        // followed by prose ("/etc/hosts (Closes: #1)" in a changelog); a parameter value (=/etc/passwd) always counts.
        var wholeValue = s[at..].IndexOfAny(' ', '\t') < 0;
        if (at == 0)
        {
            return wholeValue;
        }

        if (s[at - 1] == '=')
        {
            return true;
        }

        if (s[at - 1] != '/')
        {
            return false;
        }

        if (IsValueStart(s, at - 1) && (wholeValue || !StartsInput(s, at - 1)))
        {
            return true;
        }

        // Deeper inside a path only a named file counts ("/static/x/etc/passwd"), never a directory ("/api/root/").
        return (wholeInputIsPath || p[0] == '.') && wholeValue && !SensitivePaths.IsDirectoryNeedle(p);
    }

    /// <summary>Windows drive paths into the OS folders (<c>C:\Windows\win.ini</c>).</summary>
    private static bool CheckDrivePath(ReadOnlySpan<char> s, Reporter report)
    {
        var drive = Scanning.Find(s, ":/");
        if (drive <= 0 || !char.IsAsciiLetter(s[drive - 1]) || (drive > 1 && char.IsAsciiLetter(s[drive - 2])))
        {
            return false;
        }

        var rest = s[(drive + 2)..].TrimStart('/');
        var hit = SensitivePaths.Matcher.Next(rest, 0, out _);
        if (hit is >= 0 and < 40)
        {
            report.Add(PathRules.WindowsSystemPath, drive - 1, Math.Min(s.Length - drive + 1, 40));
            return true;
        }

        return false;
    }

    /// <summary>
    /// The whole value is a rooted path (<c>/etc/x</c>, <c>C:/ProgramData/x</c>, optionally after <c>name=</c>) whose
    /// grammar names a target: an OS configuration, process or kernel directory, or a file whose extension marks
    /// configuration, logs, keys or databases under an OS top-level directory.
    /// </summary>
    private static bool CheckSystemPath(ReadOnlySpan<char> s, Reporter report)
    {
        var start = s.IndexOf('=') is var eq and > 0 && eq < 32 && s[..eq].IndexOfAny("/ ") < 0 ? eq + 1 : 0;
        var v = s[start..].Trim(" \"'");
        if (v.Length < 6 || v.IndexOfAny(' ', '\t') >= 0 && !(v.Length > 2 && v[1] == ':') || v.IndexOfAny("?#&<>") >= 0)
        {
            return false;
        }

        var drive = v.Length > 2 && char.IsAsciiLetter(v[0]) && v[1] == ':' && v[2] == '/';
        if (!drive && v[0] != '/')
        {
            return false;
        }

        var path = (drive ? v[3..] : v[1..]).TrimStart('/');
        var slash = path.IndexOf('/');
        if (slash <= 0 || slash == path.Length - 1)
        {
            return false;
        }

        var top = path[..slash];
        var last = path[(path.LastIndexOf('/') + 1)..];
        var dot = last.LastIndexOf('.');
        var ext = dot > 0 ? last[(dot + 1)..] : ReadOnlySpan<char>.Empty;
        var hit = drive ? IsWindowsSystemRoot(top) || (ext.Length > 0 && IsSensitiveExtension(ext))
            : IsUnixConfigRoot(top, path[(slash + 1)..]) || (IsUnixTopLevel(top) && ext.Length > 0 && IsSensitiveExtension(ext));
        if (hit)
        {
            report.Add(PathRules.SystemPath, start, Math.Min(s.Length - start, 60));
        }

        return hit;
    }

    private static bool IsUnixConfigRoot(ReadOnlySpan<char> top, ReadOnlySpan<char> rest) =>
        top.Equals("etc", StringComparison.OrdinalIgnoreCase) || top.Equals("proc", StringComparison.OrdinalIgnoreCase) || top.Equals("root", StringComparison.OrdinalIgnoreCase)
        || (top.Equals("sys", StringComparison.OrdinalIgnoreCase) && (rest.StartsWith("class/") || rest.StartsWith("kernel/") || rest.StartsWith("devices/") || rest.StartsWith("fs/") || rest.StartsWith("module/")))
        || (top.Equals("var", StringComparison.OrdinalIgnoreCase) && (rest.StartsWith("log/") || rest.StartsWith("lib/") || rest.StartsWith("run/") || rest.StartsWith("spool/") || rest.StartsWith("mail/") || rest.StartsWith("backups/")));

    private static bool IsUnixTopLevel(ReadOnlySpan<char> top)
    {
        ReadOnlySpan<string> roots = ["usr", "opt", "srv", "home", "var", "tmp", "private", "library", "system", "users", "lib", "run", "mnt", "data", "app"];
        foreach (var r in roots)
        {
            if (top.Equals(r, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWindowsSystemRoot(ReadOnlySpan<char> top)
    {
        ReadOnlySpan<string> roots = ["windows", "winnt", "inetpub", "xampp", "wamp", "wamp64", "apache", "apache2", "php", "mysql", "system volume information", "recycler", "$recycle.bin"];
        foreach (var r in roots)
        {
            if (top.Equals(r, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return top.StartsWith("apache", StringComparison.OrdinalIgnoreCase) || top.StartsWith("php", StringComparison.OrdinalIgnoreCase) || top.StartsWith("mysql", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSensitiveExtension(ReadOnlySpan<char> ext)
    {
        ReadOnlySpan<string> exts = ["ini", "conf", "cnf", "cfg", "config", "log", "err", "pem", "key", "crt", "htpasswd", "passwd", "history", "db", "sqlite", "mdb", "dat", "sys", "inf", "bak", "old", "swp", "kdbx", "ppk", "p12", "pfx", "reg", "sam"];
        foreach (var e in exts)
        {
            if (ext.Equals(e, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>\\?\C:\...</c>, <c>\\.\</c> device paths and <c>\\host\c$\...</c> admin shares at the start of the value.</summary>
    private static void CheckDevicePath(ReadOnlySpan<char> raw, Reporter report)
    {
        if (raw.Length < 5 || raw[0] != '\\' || raw[1] != '\\')
        {
            return;
        }

        var device = raw[2] is '?' or '.' && raw[3] == '\\';
        var rest = raw[2..];
        var segments = rest.Count('\\');
        var adminShare = rest.IndexOf("$\\", StringComparison.Ordinal) > 0 || rest.EndsWith("$");
        if (device || adminShare || (segments >= 1 && SensitivePaths.Matcher.ContainsAny(rest.ToString().Replace('\\', '/'))))
        {
            report.Add(PathRules.DevicePath, 0, Math.Min(raw.Length, 60));
        }
    }

    private static void CheckWrappers(ReadOnlySpan<char> s, Reporter report)
    {
        for (var at = StrongWrappers.Next(s, 0, out var wrapper); at >= 0; at = StrongWrappers.Next(s, at + 1, out wrapper))
        {
            if (at == 0 || !char.IsAsciiLetter(s[at - 1]))
            {
                report.Add(PathRules.StreamWrapper, at, Math.Min(s.Length - at, wrapper.Length + 30));
                return;
            }
        }

        for (var at = WeakWrappers.Next(s, 0, out var wrapper); at >= 0; at = WeakWrappers.Next(s, at + 1, out wrapper))
        {
            if (at == 0 || !char.IsAsciiLetter(s[at - 1]))
            {
                report.Add(PathRules.WeakStreamWrapper, at, Math.Min(s.Length - at, wrapper.Length + 30));
                return;
            }
        }
    }

    /// <summary><c>index.php::$DATA</c>: the NTFS default stream of a script, served as source by old IIS.</summary>
    private static void CheckDataStream(ReadOnlySpan<char> s, Reporter report)
    {
        var at = Scanning.Find(s, "::$data");
        var ends = at + 7 >= s.Length || !char.IsAsciiLetterOrDigit(s[at + 7]);
        if (at > 0 && ends && (Scanning.IsIdentChar(s[at - 1]) || s[at - 1] is '.' or '/'))
        {
            report.Add(PathRules.AlternateDataStream, Math.Max(0, at - 16), Math.Min(s.Length, at + 7) - Math.Max(0, at - 16));
        }
    }

    /// <summary>
    /// Longest run of "..[sep]" segments from <paramref name="from"/>. Separators are '/' (backslashes already
    /// folded), a dot run may be padded with ';' (Tomcat path parameters), and runs of three or four dots count
    /// because <c>....//</c> and <c>..././</c> become <c>../</c> after a filter strips <c>../</c> once.
    /// </summary>
    private static (int Count, int Start, int End) LongestClimb(ReadOnlySpan<char> s, int from)
    {
        var best = (0, 0, 0);
        var i = from;
        var guard = 0;
        while (i >= 0 && i < s.Length && guard++ < 10_000)
        {
            var (count, k) = ClimbAt(s, i);
            if (count > best.Item1)
            {
                best = (count, i, k);
            }

            var resume = Math.Max(k, i + 2);
            var next = resume < s.Length ? s[resume..].IndexOf("..", StringComparison.Ordinal) : -1;
            i = next < 0 ? -1 : resume + next;
        }

        return best;
    }

    private static (int Count, int End) ClimbAt(ReadOnlySpan<char> s, int i)
    {
        var count = 0;
        var k = i;
        while (k + 1 < s.Length && s[k] == '.' && s[k + 1] == '.')
        {
            var dotsEnd = k;
            while (dotsEnd < s.Length && s[dotsEnd] == '.')
            {
                dotsEnd++;
            }

            var run = dotsEnd - k;
            var sep = dotsEnd;
            while (sep < s.Length && s[sep] == ';')
            {
                sep++;
            }

            var separated = sep < s.Length && s[sep] == '/';

            // "..././" is only a parent directory when another dot segment follows (or a climb precedes it).
            var ellipsis = run == 3 && ((k > 0 && char.IsLetterOrDigit(s[k - 1])) || (count == 0 && !(sep + 1 < s.Length && s[sep + 1] == '.')));
            if (run > 4 || ellipsis || (run == 3 && !separated))
            {
                break;
            }

            if (separated)
            {
                count++;
                k = sep;
                while (k < s.Length && (s[k] == '/' || (s[k] == '.' && k + 1 < s.Length && s[k + 1] == '/')))
                {
                    k++;
                }
            }
            else
            {
                if (sep >= s.Length && count > 0)
                {
                    count++;
                    k = sep;
                }

                break;
            }
        }

        return (count, k);
    }

    private static bool StartsInput(ReadOnlySpan<char> s, int slash)
    {
        var k = slash;
        while (k >= 0 && s[k] is '/' or '.')
        {
            k--;
        }

        return k < 0;
    }

    // The sensitive path is the whole value: at input start, after '=', ':', a quote, a wrapper, or after spaces at start.
    private static bool IsValueStart(ReadOnlySpan<char> s, int slash)
    {
        var k = slash - 1;
        while (k >= 0 && (s[k] == '/' || (s[k] == '.' && k > 0 && s[k - 1] is '/' or '.')))
        {
            k--;
        }

        if (k < 0)
        {
            return true;
        }

        if (s[k] is '=' or '\'' or '"' or ':' or '>' or '<' or ';' or '|' or '&' or '(' or ',' or '`' or '.' or '+')
        {
            return true;
        }

        if (s[k] == ' ')
        {
            var before = s[..k].Trim();
            return before.Length == 0 || before.EndsWith("cat", StringComparison.OrdinalIgnoreCase) || before[^1] is '=' or ':' or '|' or ';' or '&' or '<' or '>';
        }

        return false;
    }
}
