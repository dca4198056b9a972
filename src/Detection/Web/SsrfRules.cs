using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Web;

/// <summary>Server-side request forgery rules (CWE-918, CAPEC-664).</summary>
internal static class SsrfRules
{
    private const string F = ThreatCategory.Ssrf;

    public static readonly RuleDefinition InternalTarget = new("ssrf.internal_target", F, 0.8, 0.5, 0.95,
        "URL aimed at a loopback, private or link-local address", 918, 664);

    public static readonly RuleDefinition ObfuscatedInternalTarget = new("ssrf.obfuscated_internal_target", F, 0.88, 0.58, 0.97,
        "URL aimed at an internal address written to pass filters (decimal, octal, hex, short, IPv6-mapped, rebinding name)", 918, 664);

    public static readonly RuleDefinition InternalTargetInProse = new("ssrf.internal_target_in_prose", F, 0.45, 0.2, 0.7,
        "loopback URL inside a sentence (usually documentation)", 918, 664);

    public static readonly RuleDefinition CloudMetadata = new("ssrf.cloud_metadata", F, 0.93, 0.63, 0.99,
        "URL aimed at a cloud metadata endpoint", 918, 664);

    public static readonly RuleDefinition InternalProtocolSmuggling = new("ssrf.internal_protocol_smuggling", F, 0.97, 0.67, 0.99,
        "gopher/dict-style scheme aimed at an internal host speaks another protocol to it (its payload often carries CRLF)", 918, 664);

    public static readonly RuleDefinition ProtocolSmuggling = new("ssrf.protocol_smuggling", F, 0.85, 0.55, 0.95,
        "non-HTTP scheme (gopher, dict, tftp, ldap, jar, netdoc, sftp) lets a request speak other protocols", 918, 664);

    public static readonly RuleDefinition[] All =
        [InternalTarget, ObfuscatedInternalTarget, InternalTargetInProse, CloudMetadata, InternalProtocolSmuggling, ProtocolSmuggling];
}
