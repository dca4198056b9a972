namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// Judges the engine's findings by where they came from. Two pieces of data: which class a location belongs to
/// (<see cref="Classify"/>, from header-name tables and parameter-name words) and the rule table
/// (<see cref="Rules"/>: family × location class → treatment, first matching row wins, no row means count).
/// </summary>
public static class ContextPolicy
{
    private static readonly HashSet<string> HeaderFamilies =
    [
        ThreatCategory.Log4Shell, ThreatCategory.CrlfInjection, ThreatCategory.MailInjection, ThreatCategory.CommandInjection,
        ThreatCategory.SqlInjection, ThreatCategory.CodeInjection, ThreatCategory.Ssti, ThreatCategory.Xss,
    ];

    /// <summary>The rule table, in order.</summary>
    public static IReadOnlyList<ContextRule> Rules { get; } =
    [
        // An ordinary URL in an ordinary parameter is no redirect; only where the application is told where to go.
        new("redirect-target-only", Set(ThreatCategory.OpenRedirect), Classes(LocationClass.RedirectParameter, LocationClass.RedirectHeader, LocationClass.RedirectComposite), Treatment.CountUnlessSameSite),

        // A URL built to make parsers disagree about its host is an attack wherever the server parses URLs (SSRF
        // filters, allow-lists), not only in redirects.
        new("parser-confusion", Set(ThreatCategory.OpenRedirect), Classes(LocationClass.Parameter, LocationClass.JsonString, LocationClass.XmlText, LocationClass.Composite), Treatment.Count, RuleIds: Set("redirect.authority_confusion", "redirect.userinfo_confusion", "redirect.obfuscated_host")),
        new("redirect-target-only", Set(ThreatCategory.OpenRedirect), AllClasses(), Treatment.Ignore),

        // Referer and Origin are filled by the browser with the page the user came from: not a fetch, not a redirect.
        new("browser-url-header", Set(ThreatCategory.Ssrf, ThreatCategory.Rfi), Classes(LocationClass.BrowserUrlHeader), Treatment.Ignore),

        // A URL or query string as a whole: its parameters are values of their own and judged there; the whole
        // keeps what needs the whole URL (SSRF, RFI, traversal, log4shell). Markup cannot break out of a URL value
        // (one with raw quotes or angle brackets is not taken for a URL); a break counts before the query only.
        new("composite-break-in-parameter", Set(ThreatCategory.CrlfInjection, ThreatCategory.MailInjection), Classes(LocationClass.Composite, LocationClass.RedirectComposite), Treatment.CountIfBreakBeforeQuery),
        new("composite-parameter-url", Set(ThreatCategory.Rfi, ThreatCategory.Ssrf), Classes(LocationClass.Composite, LocationClass.RedirectComposite), Treatment.CountIfWholeValue),
        new("composite-parts-judged", Set(ThreatCategory.Xss, ThreatCategory.SqlInjection, ThreatCategory.CrlfInjection, ThreatCategory.MailInjection, ThreatCategory.CommandInjection, ThreatCategory.NoSqlInjection, ThreatCategory.LdapInjection, ThreatCategory.XPathInjection, ThreatCategory.PrototypePollution, ThreatCategory.SsiInjection), Classes(LocationClass.Composite, LocationClass.RedirectComposite), Treatment.Ignore),

        // A real line break inside a body value (textarea, JSON string, text body) is text, not a header; an encoded
        // one still is an attempt to reach a header.
        new("multi-line-body-value", Set(ThreatCategory.CrlfInjection, ThreatCategory.MailInjection), Classes(LocationClass.JsonString, LocationClass.XmlText, LocationClass.PartText, LocationClass.TextBody), Treatment.CountIfEncoded),

        // Headers the browser fills: only the families an attacker can push through them.
        new("browser-header", HeaderFamilies, Classes(LocationClass.BrowserHeader, LocationClass.BrowserUrlHeader, LocationClass.PartContentType), Treatment.Ignore, OtherFamilies: true),

        // A whole document is looked at for what needs the whole: entities, operators, prototype keys.
        new("document-shape", Set(ThreatCategory.Xxe, ThreatCategory.NoSqlInjection, ThreatCategory.PrototypePollution), Classes(LocationClass.Document), Treatment.Ignore, OtherFamilies: true),

        // In the URL path, /home/ and /root/ are routes of the application, not the server's home directories.
        new("route-not-file", Set(ThreatCategory.PathTraversal), Classes(LocationClass.Path), Treatment.Ignore, RuleIds: Set("path.sensitive_file"), EvidencePrefixes: ["/home/", "/root/"]),

        // JSON property names: operator injection and prototype pollution.
        new("json-key-shape", Set(ThreatCategory.NoSqlInjection, ThreatCategory.PrototypePollution), Classes(LocationClass.JsonKey), Treatment.Ignore, OtherFamilies: true),

        // Parameter names: operators (password[$ne]), prototype keys, and the injections a name can carry when an
        // application echoes or queries by it; not markup-looking telemetry blobs sent without '='.
        new("parameter-key-shape", Set(ThreatCategory.NoSqlInjection, ThreatCategory.PrototypePollution, ThreatCategory.Log4Shell, ThreatCategory.SqlInjection, ThreatCategory.CodeInjection, ThreatCategory.Ssti, ThreatCategory.PathTraversal), Classes(LocationClass.ParameterKey), Treatment.Ignore, OtherFamilies: true),
    ];

    private static readonly HashSet<string> BrowserHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Content-Length", "Connection", "Host", "Cache-Control", "Pragma", "Priority",
        "Upgrade-Insecure-Requests", "DNT", "TE", "Keep-Alive", "Upgrade", "Purpose", "Save-Data", "Range",
        "Content-Encoding", "Transfer-Encoding", "Expect", "Via", "Downlink", "Ect", "Rtt", "Device-Memory", "Viewport-Width",
        "Width", "Dpr", "X-Requested-With", "Content-Language", "Authorization", "Proxy-Connection", "Access-Control-Request-Method",
        "Access-Control-Request-Headers",
    };

    private static readonly string[] BrowserHeaderPrefixes = ["Accept-", "Sec-", "If-"];

    private static readonly HashSet<string> BrowserUrlHeaders = new(StringComparer.OrdinalIgnoreCase) { "Referer", "Origin" };

    private static readonly HashSet<string> RedirectHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Location", "Refresh", "Content-Location", "X-Original-URL", "X-Rewrite-URL", "X-Forwarded-Prefix",
    };

    /// <summary>The class of a located value.</summary>
    public static LocationClass Classify(RequestValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Shape switch
        {
            ValueShape.Key => LocationClass.ParameterKey,
            ValueShape.JsonKey => LocationClass.JsonKey,
            ValueShape.JsonString => ParameterNames.IsRedirectTarget(value.Name, explicitOnly: true) ? LocationClass.RedirectParameter : LocationClass.JsonString,
            ValueShape.XmlText => LocationClass.XmlText,
            ValueShape.Document => LocationClass.Document,
            ValueShape.Composite => ParameterNames.IsRedirectTarget(value.Name, explicitOnly: value.FromJson) ? LocationClass.RedirectComposite : LocationClass.Composite,
            ValueShape.Text => LocationClass.TextBody,
            ValueShape.FileName => LocationClass.FileName,
            ValueShape.ContentType => LocationClass.PartContentType,
            _ => value.Source switch
            {
                ValueSource.Path => LocationClass.Path,
                ValueSource.Header => ClassifyHeader(value.Name),
                ValueSource.Multipart when !ParameterNames.IsRedirectTarget(value.Name) => LocationClass.PartText,
                _ => ParameterNames.IsRedirectTarget(value.Name) ? LocationClass.RedirectParameter : LocationClass.Parameter,
            },
        };
    }

    /// <summary>The class of a header by its name.</summary>
    public static LocationClass ClassifyHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (BrowserUrlHeaders.Contains(name))
        {
            return LocationClass.BrowserUrlHeader;
        }

        if (RedirectHeaders.Contains(name))
        {
            return LocationClass.RedirectHeader;
        }

        if (BrowserHeaders.Contains(name))
        {
            return LocationClass.BrowserHeader;
        }

        // X-Callback-Url, X-Return-To: an application header named as a place to go.
        if (name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && ParameterNames.IsRedirectTarget(name[2..], explicitOnly: true, compounds: false))
        {
            return LocationClass.RedirectHeader;
        }

        foreach (var prefix in BrowserHeaderPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return LocationClass.BrowserHeader;
            }
        }

        return LocationClass.ClientHeader;
    }

    /// <summary>The treatment of a finding at a location class, and the id of the row that decided it (null when no
    /// row matched and the finding simply counts).</summary>
    public static (Treatment Treatment, string? RuleId) Treat(Finding finding, LocationClass location)
    {
        ArgumentNullException.ThrowIfNull(finding);
        foreach (var rule in Rules)
        {
            if (rule.Matches(finding, location))
            {
                return (rule.Treatment, rule.Id);
            }
        }

        return (Treatment.Count, null);
    }

    /// <summary>Null when <paramref name="finding"/> on <paramref name="value"/> counts at <paramref name="location"/>
    /// of a request for <paramref name="host"/>; otherwise the id of the row that silences it.</summary>
    public static string? Silencer(Finding finding, LocationClass location, string value, string? host)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(value);
        var (treatment, rule) = Treat(finding, location);
        return treatment switch
        {
            Treatment.Count => null,
            Treatment.CountIfEncoded when BreakIsEncoded(value) => null,
            Treatment.CountUnlessSameSite when !Sites.SameSite(value, host) => null,
            Treatment.CountUnlessSameSite => "same-site-redirect",
            Treatment.CountIfWholeValue when StartsTheValue(finding, value) => null,
            Treatment.CountIfBreakBeforeQuery when HasEncodedBreak(value.Split('?', 2)[0]) => null,
            _ => rule ?? "context",
        };
    }

    // The engine reports spans in the view it matched (decoded, folded), so a span starting the view (or right after
    // a method word) is the URL itself; otherwise the evidence must begin the value.
    private static bool StartsTheValue(Finding finding, string value)
    {
        if (finding.Start <= 8 && (finding.Start == 0 || value.AsSpan(0, Math.Min(value.Length, finding.Start)).Trim().Length is > 0 and <= 7))
        {
            return true;
        }

        var v = value.AsSpan().TrimStart();
        var e = finding.Evidence.AsSpan().TrimStart();
        var n = Math.Min(Math.Min(e.Length, v.Length), 16);
        if (n == 0)
        {
            return false;
        }

        // "POST https://..." as request logs write it: the URL after the method word.
        var space = v.IndexOf(' ');
        return v.StartsWith(e[..n], StringComparison.OrdinalIgnoreCase)
            || (space > 0 && space < 8 && v[(space + 1)..].StartsWith(e[..n], StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] EncodedBreaks = ["%0d", "%0a", "\\r", "\\n", "%e5%98", "%u000d", "%u000a", "&#13", "&#10", "&#x0d", "&#x0a", "%c0%8d", "%c0%8a"];

    // A value with no real line break can only have reached the finding through an encoding; one with real breaks
    // counts only when it also carries an encoded break (the multi-line text alone is not header injection).
    private static bool BreakIsEncoded(string value) => value.AsSpan().IndexOfAny('\r', '\n') < 0 || HasEncodedBreak(value);

    private static bool HasEncodedBreak(string value)
    {
        foreach (var token in EncodedBreaks)
        {
            if (value.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Set(params string[] families) => new(families, StringComparer.Ordinal);

    private static HashSet<LocationClass> Classes(params LocationClass[] classes) => [.. classes];

    private static HashSet<LocationClass> AllClasses() => [.. Enum.GetValues<LocationClass>()];
}
