using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Web;

/// <summary>Open redirect rules (CWE-601, CAPEC-194).</summary>
internal static class RedirectRules
{
    private const string F = ThreatCategory.OpenRedirect;

    public static readonly RuleDefinition ProtocolRelative = new("redirect.protocol_relative", F, 0.78, 0.48, 0.95,
        "protocol-relative URL sends the browser to another host", 601, 194);

    public static readonly RuleDefinition SlashConfusedRelative = new("redirect.slash_confused_relative", F, 0.82, 0.52, 0.95,
        "backslashes or extra slashes at the start still read as a protocol-relative URL", 601, 194);

    public static readonly RuleDefinition SchemeConfusion = new("redirect.scheme_confusion", F, 0.76, 0.46, 0.95,
        "malformed scheme separator that browsers still follow (https:evil, http:/\\evil)", 601, 194);

    public static readonly RuleDefinition UserinfoConfusion = new("redirect.userinfo_confusion", F, 0.78, 0.48, 0.95,
        "user-info before '@' disguises the real host", 601, 194);

    public static readonly RuleDefinition LeadingAt = new("redirect.leading_at", F, 0.65, 0.35, 0.9,
        "leading '@' turns the preceding URL into user-info", 601, 194);

    public static readonly RuleDefinition AuthorityConfusion = new("redirect.authority_confusion", F, 0.78, 0.48, 0.95,
        "characters in the authority make parsers disagree about the host", 601, 194);

    public static readonly RuleDefinition PathConfusion = new("redirect.path_confusion", F, 0.7, 0.4, 0.9,
        "double slash or dot-dot right after the host defeats prefix allow-lists", 601, 194);

    public static readonly RuleDefinition NestedUrl = new("redirect.nested_url", F, 0.72, 0.42, 0.9,
        "a second absolute URL right after the host, used by redirectors", 601, 194);

    public static readonly RuleDefinition ObfuscatedHost = new("redirect.obfuscated_host", F, 0.72, 0.42, 0.9,
        "numeric, dotted or encoded host hides the destination", 601, 194);

    public static readonly RuleDefinition DomainConfusion = new("redirect.domain_confusion", F, 0.74, 0.44, 0.92,
        "a trusted-looking host name used as a subdomain, path or query of another host", 601, 194);

    public static readonly RuleDefinition UrlParameter = new("redirect.url_parameter", F, 0.76, 0.46, 0.92,
        "redirect parameter whose value is a protocol-relative or slash-confused URL", 601, 194);

    public static readonly RuleDefinition AbsoluteUrlParameter = new("redirect.absolute_url_parameter", F, 0.7, 0.4, 0.9,
        "a relative reference whose redirect parameter holds an absolute URL (/login?next=https://...)", 601, 194);

    public static readonly RuleDefinition HostParameter = new("redirect.host_parameter", F, 0.72, 0.42, 0.9,
        "redirect parameter whose value is a bare host name", 601, 194);

    public static readonly RuleDefinition HostInPath = new("redirect.host_in_path", F, 0.6, 0.3, 0.9,
        "path whose first segment is a host name", 601, 194);

    public static readonly RuleDefinition RedirectEndpointHost = new("redirect.redirect_endpoint_host", F, 0.7, 0.4, 0.9,
        "redirect endpoint followed by a host name", 601, 194);

    public static readonly RuleDefinition EmbeddedUrl = new("redirect.embedded_url", F, 0.78, 0.48, 0.95,
        "path that is itself a URL to another host", 601, 194);

    public static readonly RuleDefinition EncodedUrl = new("redirect.encoded_url", F, 0.72, 0.42, 0.9,
        "URL with percent-encoded letters, hidden from allow-lists", 601, 194);

    public static readonly RuleDefinition ScriptScheme = new("redirect.script_scheme", F, 0.7, 0.4, 0.9,
        "javascript:/data: scheme written with escapes to pass a redirect filter", 601, 194);

    public static readonly RuleDefinition[] All =
    [
        ProtocolRelative, SlashConfusedRelative, SchemeConfusion, UserinfoConfusion, LeadingAt, AuthorityConfusion,
        PathConfusion, NestedUrl, ObfuscatedHost, DomainConfusion, UrlParameter, AbsoluteUrlParameter, HostParameter, HostInPath,
        RedirectEndpointHost, EmbeddedUrl, EncodedUrl, ScriptScheme,
    ];
}
