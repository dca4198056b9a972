using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Code;

/// <summary>
/// Log4Shell rules: Log4j lookups evaluated from untrusted input (CWE-917, improper neutralisation of an expression
/// language statement; CAPEC-242, code injection: the JNDI reference loads and runs remote code).
/// </summary>
internal static class Log4ShellRules
{
    private const string F = ThreatCategory.Log4Shell;

    public static readonly RuleDefinition JndiLookup = new("log4shell.jndi_lookup", F, 0.97, 0.7, 0.99,
        "JNDI lookup in a Log4j-style expression", 917, 242);

    public static readonly RuleDefinition ObfuscatedJndi = new("log4shell.obfuscated_jndi", F, 0.97, 0.7, 0.99,
        "nested lookups resolve to a JNDI lookup", 917, 242);

    public static readonly RuleDefinition LookupExfiltration = new("log4shell.lookup_exfiltration", F, 0.9, 0.6, 0.98,
        "Log4j lookup of environment or system properties inside a network address (exfiltration)", 917, 242);

    public static readonly RuleDefinition InformationLookup = new("log4shell.information_lookup", F, 0.55, 0.3, 0.85,
        "Log4j lookup reading environment or system properties", 917, 242);

    public static readonly RuleDefinition NestedLookup = new("log4shell.nested_lookup", F, 0.6, 0.3, 0.9,
        "deeply nested lookup expressions", 917, 242);

    public static readonly RuleDefinition[] All = [JndiLookup, ObfuscatedJndi, LookupExfiltration, InformationLookup, NestedLookup];
}
