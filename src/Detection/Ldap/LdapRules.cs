using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Ldap;

/// <summary>LDAP filter injection rules (CWE-90, CAPEC-136).</summary>
internal static class LdapRules
{
    private const string F = ThreatCategory.LdapInjection;

    public static readonly RuleDefinition BooleanBreakout = new("ldap.filter_breakout", F, 0.9, 0.6, 0.98,
        "closes the filter and opens a new boolean filter component", 90, 136);

    public static readonly RuleDefinition AssertionBreakout = new("ldap.assertion_breakout", F, 0.75, 0.5, 0.95,
        "closes the filter component and injects another assertion", 90, 136);

    public static readonly RuleDefinition WildcardBreakout = new("ldap.wildcard_breakout", F, 0.9, 0.6, 0.98,
        "a wildcard closes the filter component and another assertion follows", 90, 136);

    public static readonly RuleDefinition NulTruncation = new("ldap.nul_truncation", F, 0.75, 0.5, 0.95,
        "wildcard closes the filters and a NUL byte truncates the rest", 90, 136);

    public static readonly RuleDefinition WildcardFilter = new("ldap.wildcard_filter", F, 0.75, 0.5, 0.95,
        "wildcard filter component matches every entry", 90, 136);

    public static readonly RuleDefinition FilterOperator = new("ldap.filter_operator", F, 0.6, 0.3, 0.9,
        "boolean LDAP filter operator in a value", 90, 136);

    public static readonly RuleDefinition CompleteFilter = new("ldap.complete_filter", F, 0.75, 0.45, 0.95,
        "the value is a whole LDAP filter with a boolean operator or a wildcard", 90, 136);

    public static readonly RuleDefinition WildcardClose = new("ldap.wildcard_close", F, 0.6, 0.3, 0.9,
        "a wildcard closes the application's filter component", 90, 136);

    public static readonly RuleDefinition[] All =
        [BooleanBreakout, AssertionBreakout, WildcardBreakout, NulTruncation, WildcardFilter, FilterOperator, CompleteFilter, WildcardClose];
}
