using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Web;

/// <summary>
/// Remote file inclusion: a value the application will <c>include()</c> that names code on another host. The shape
/// is a remote URL (<c>http(s)://</c>, <c>ftp://</c>, <c>//host/</c>, an SMB <c>\\host\share\</c> path) ending in a
/// script or text file, with <c>?</c>, <c>#</c> or a NUL to cut off the extension the application appends, or given
/// to an include-style parameter; or a stream that carries the code itself (<c>data://text/plain;base64,</c>,
/// <c>php://input</c>). An ordinary link to a page stays benign.
/// </summary>
internal sealed class RfiDetector : IViewDetector
{
    private static readonly string[] ScriptExtensions = [".php", ".php3", ".php4", ".php5", ".php7", ".phtml", ".phar", ".inc", ".asp", ".aspx", ".jsp", ".cgi", ".pl", ".py", ".rb", ".sh", ".txt", ".dat"];
    private static readonly string[] TextExtensions = [".txt", ".inc"];
    private static readonly string[] ImageExtensions = [".gif", ".jpg", ".jpeg", ".png"];
    private static readonly string[] IncludeParameters = ["page", "file", "include", "inc", "path", "template", "tpl", "doc", "document", "folder", "dir", "lang", "language", "mod", "module", "conf", "config", "pg", "show", "view", "content", "cat", "load", "read", "require", "source", "style", "theme", "main", "body", "layout", "skin", "pagina", "nivel", "filename", "filepath"];

    public string Family => ThreatCategory.Rfi;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text.AsSpan().Trim();
        var offset = view.Text.Length - view.Text.AsSpan().TrimStart().Length;
        if (s.Length < 6)
        {
            return;
        }

        CheckCodeStreams(view, s, offset, findings);
        CheckSmbInclude(view, s, offset, findings);
        var position = 0;
        var budget = 0;
        while (UrlAuthority.TryNext(s, ref position, ref budget, out var url))
        {
            if (url.IsWeb && url.Host.Length > 0 && (url.HasScheme || url.Start == 0 || url.IsParameterValue))
            {
                CheckRemoteScript(view, url, offset, input.ContainedNul, url.Start == 0, findings);
            }
        }
    }

    private static void CheckRemoteScript(DecodedView view, UrlReference url, int offset, bool nul, bool wholeValue, FindingCollector f)
    {
        var rest = url.PathAndQuery;
        var end = rest.IndexOfAny(" \"'<>");
        rest = end < 0 ? rest : rest[..end];
        var q = rest.IndexOfAny('?', '#');
        var path = q < 0 ? rest : rest[..q];
        var trailer = q < 0 ? ReadOnlySpan<char>.Empty : rest[q..];
        var script = EndsWithAny(path, ScriptExtensions);
        var image = EndsWithAny(path, ImageExtensions);
        if (!script && !image)
        {
            // http://evil.example/? or /raw/abc?: whatever the application appends becomes a query string.
            // A file name with another extension (an image, a style sheet) ending in '?' is a cache-busting asset URL.
            if (wholeValue && url.HasScheme && trailer.Length is > 0 and <= 2 && trailer.TrimEnd("?#").Length == 0 && path.TrimEnd('/').Length > 1 && !HasOtherExtension(path))
            {
                f.Add(RfiRules.TruncatedInclude, view, url.Start + offset, url.Length);
            }

            return;
        }

        // "x.txt?", "x.php??", "x.txt%00", "x.php#", "x.php?&cmd=": nothing left for the appended suffix to join.
        // A query of several parameters that merely ends in '&' is a script-built URL (report.cgi?a=1&b=2&), not a cut.
        var dangling = (trailer.EndsWith("?") || trailer.EndsWith("&")) && trailer.Count('=') <= 1;
        var cutOff = nul || trailer.TrimEnd("?#").Length == 0 && trailer.Length > 0 || trailer.StartsWith("?&") || trailer.StartsWith("?=") || dangling;
        if (cutOff && (script || url.HasScheme))
        {
            f.Add(RfiRules.TruncatedInclude, view, url.Start + offset, url.Length);
            return;
        }

        if (!script)
        {
            return;
        }

        if (url.IsParameterValue && IsIncludeParameter(url.Parameter) && trailer.Length == 0)
        {
            f.Add(RfiRules.IncludeParameter, view, url.Start + offset, url.Length);
        }
        else if (wholeValue && url.HasScheme && trailer.Length == 0 && EndsWithAny(path, TextExtensions) && path.Count('/') >= 1)
        {
            f.Add(RfiRules.RemoteScript, view, url.Start + offset, url.Length);
        }
    }

    // \\attacker\share\shell.php: PHP on Windows includes over SMB, past allow_url_include.
    private static void CheckSmbInclude(DecodedView view, ReadOnlySpan<char> s, int offset, FindingCollector f)
    {
        var start = s.IndexOf("\\\\", StringComparison.Ordinal);
        if (start < 0 || (start > 0 && s[start - 1] != '='))
        {
            return;
        }

        var unc = s[(start + 2)..];
        var end = unc.IndexOfAny(" ?\"'");
        var path = end < 0 ? unc : unc[..end];
        if (path.Count('\\') >= 1 && path.Length > 0 && char.IsLetterOrDigit(path[0]) && EndsWithAny(path, ScriptExtensions))
        {
            f.Add(RfiRules.SmbInclude, view, start + offset, Math.Min(s.Length - start, 80));
        }
    }

    // data://text/plain;base64,..., data:text/plain,<?php ...>, php://input: the request carries the included code.
    private static void CheckCodeStreams(DecodedView view, ReadOnlySpan<char> s, int offset, FindingCollector f)
    {
        var input = Scanning.Find(s, "php://input");
        if (input >= 0 && (input == 0 || !char.IsAsciiLetter(s[input - 1])))
        {
            f.Add(RfiRules.CodeStream, view, input + offset, Math.Min(s.Length - input, 40));
            return;
        }

        for (var at = Scanning.Find(s, "data:"); at >= 0; at = Scanning.Find(s, "data:", at + 5))
        {
            if (at > 0 && (char.IsAsciiLetterOrDigit(s[at - 1]) || s[at - 1] == '-'))
            {
                continue;
            }

            var rest = s[(at + 5)..].TrimStart('/');
            if (Scanning.At(rest, 0, "text/plain") || Scanning.At(rest, 0, "application/x-httpd-php") || Scanning.At(rest, 0, "application/x-php")
                || (Scanning.At(rest, 0, ";base64,") && at == 0))
            {
                f.Add(RfiRules.CodeStream, view, at + offset, Math.Min(s.Length - at, 40));
                return;
            }
        }
    }

    // The last path segment is a file name with a letters-only extension that is not a script type (a.webp, b.css).
    private static bool HasOtherExtension(ReadOnlySpan<char> path)
    {
        var file = path[(path.LastIndexOf('/') + 1)..];
        var dot = file.LastIndexOf('.');
        var ext = dot < 0 ? ReadOnlySpan<char>.Empty : file[(dot + 1)..];
        if (dot <= 0 || ext.Length is < 2 or > 5)
        {
            return false;
        }

        foreach (var c in ext)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIncludeParameter(ReadOnlySpan<char> name)
    {
        var bracket = name.IndexOf('[');
        name = bracket >= 0 ? name[..bracket] : name;
        foreach (var p in IncludeParameters)
        {
            if (name.Equals(p, StringComparison.OrdinalIgnoreCase) || (name.Length > p.Length + 1 && name.EndsWith(p, StringComparison.OrdinalIgnoreCase) && name[^(p.Length + 1)] is '_' or '-'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> path, string[] extensions)
    {
        foreach (var ext in extensions)
        {
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
