namespace InfiniteSecurity.Detection.Rules;

/// <summary>The per-family rule lists that make up <see cref="RuleCatalogue.Default"/>.</summary>
internal static class BuiltInRules
{
    public static IEnumerable<RuleDefinition> All() =>
    [
        .. Ldap.LdapRules.All,
        .. Xml.SsiRules.All,
        .. Sql.SqlRules.All,
        .. Xml.XPathRules.All,
        .. Web.NoSqlRules.All,
    ];
}
