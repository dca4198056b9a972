namespace InfiniteSecurity.Detection.Rules;

/// <summary>The per-family rule lists that make up <see cref="RuleCatalogue.Default"/>.</summary>
internal static class BuiltInRules
{
    public static IEnumerable<RuleDefinition> All() =>
    [
        .. Ldap.LdapRules.All,
        .. Xml.SsiRules.All,
        .. Html.XssRules.All,
        .. Paths.PathRules.All,
        .. Xml.XxeRules.All,
        .. Web.SsrfRules.All,
        .. Web.RfiRules.All,
        .. Web.RedirectRules.All,
        .. Headers.HeaderRules.All,
        .. Web.PrototypePollutionRules.All,
        .. Requests.RequestRules.All,
        .. Shell.ShellRules.All,
        .. Code.CodeRules.All,
        .. Code.Log4ShellRules.All,
        .. Templates.TemplateRules.All,
        .. Sql.SqlRules.All,
        .. Xml.XPathRules.All,
        .. Web.NoSqlRules.All,
    ];
}
