namespace InfiniteSecurity.Detection;

/// <summary>The attack families the engine reports, as the <c>type</c> strings of the HTTP contract.</summary>
public static class ThreatCategory
{
    public const string None = "none";
    public const string SqlInjection = "sql_injection";
    public const string Xss = "xss";
    public const string CommandInjection = "command_injection";
    public const string PathTraversal = "path_traversal";
    public const string LdapInjection = "ldap_injection";
    public const string Ssrf = "ssrf";
    public const string Rfi = "rfi";
    public const string Ssti = "ssti";
    public const string CodeInjection = "code_injection";
    public const string NoSqlInjection = "nosql_injection";
    public const string Xxe = "xxe";
    public const string Log4Shell = "log4shell";
    public const string CrlfInjection = "crlf_injection";
    public const string XPathInjection = "xpath_injection";
    public const string SsiInjection = "ssi_injection";
    public const string MailInjection = "mail_injection";
    public const string PrototypePollution = "prototype_pollution";
    public const string OpenRedirect = "open_redirect";

    /// <summary>Every attack category (not <see cref="None"/>).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        SqlInjection, Xss, CommandInjection, PathTraversal, LdapInjection, Ssrf, Rfi, Ssti, CodeInjection,
        NoSqlInjection, Xxe, Log4Shell, CrlfInjection, XPathInjection, SsiInjection, MailInjection,
        PrototypePollution, OpenRedirect,
    ];

    public static bool IsKnown(string? category) => category is not null && (category == None || All.Contains(category));
}
