namespace InfiniteSecurity.Detection.Remediation;

/// <summary>
/// One remediation per attack family, as data in one place (like the rule catalogue): the fix for the weakness the
/// family exploits, not for the one payload that was seen, with the OWASP reference that explains it.
/// </summary>
public static class Remediations
{
    private const string CheatSheets = "https://cheatsheetseries.owasp.org/cheatsheets/";

    private static readonly Dictionary<string, Remediation> ByFamily = new Remediation[]
    {
        new(ThreatCategory.SqlInjection, "Use parameterised queries (prepared statements) for every value; never build SQL by concatenation. Allow-list identifiers such as sort columns, and run with a least-privilege database account.", Sheet("SQL_Injection_Prevention_Cheat_Sheet")),
        new(ThreatCategory.Xss, "Encode output for the context it lands in (HTML body, attribute, JavaScript, URL) with the template engine's auto-escaping, sanitise any HTML you must accept with a vetted sanitiser, and send a Content-Security-Policy without 'unsafe-inline'.", Sheet("Cross_Site_Scripting_Prevention_Cheat_Sheet")),
        new(ThreatCategory.CommandInjection, "Do not pass input to a shell: call the program through an argv API (ProcessStartInfo.ArgumentList, execve) with a fixed executable, and allow-list the values that may be arguments.", Sheet("OS_Command_Injection_Defense_Cheat_Sheet")),
        new(ThreatCategory.PathTraversal, "Canonicalise the path first (Path.GetFullPath, realpath), then check that it is still inside the allowed base directory; better, map user choices to server-side ids instead of file names.", Sheet("Input_Validation_Cheat_Sheet")),
        new(ThreatCategory.LdapInjection, "Escape values with the LDAP filter (RFC 4515) and DN escaping of your directory library, and bind with an account that can read only what the query needs.", Sheet("LDAP_Injection_Prevention_Cheat_Sheet")),
        new(ThreatCategory.Ssrf, "Fetch only from an allow-list of hosts, resolve the name and refuse private, loopback, link-local and metadata addresses at connect time, and do not follow redirects.", Sheet("Server_Side_Request_Forgery_Prevention_Cheat_Sheet")),
        new(ThreatCategory.Rfi, "Never include or load code from a user-supplied location: map choices to a fixed list of local modules and disable remote includes in the runtime.", Sheet("Input_Validation_Cheat_Sheet")),
        new(ThreatCategory.Ssti, "Never compile user input as a template: pass it as data to a fixed template, and use a sandboxed, logic-less engine where users must author templates.", Sheet("Injection_Prevention_Cheat_Sheet")),
        new(ThreatCategory.CodeInjection, "Do not evaluate input as code (eval, expression languages, dynamic compilation); parse it as data with a strict grammar, and disable expression evaluation in frameworks that offer it.", Sheet("Injection_Prevention_Cheat_Sheet")),
        new(ThreatCategory.NoSqlInjection, "Bind query values as typed data, reject objects and operators where a scalar is expected, and disable server-side JavaScript in the database.", Sheet("Injection_Prevention_Cheat_Sheet")),
        new(ThreatCategory.Xxe, "Disable DTD processing and external entities in the XML parser (XmlReaderSettings.DtdProcessing = Prohibit), or accept a format without entities.", Sheet("XML_External_Entity_Prevention_Cheat_Sheet")),
        new(ThreatCategory.Log4Shell, "Upgrade the logging library to a fixed version, turn off message lookups, and never log untrusted input through a formatter that interprets it.", Sheet("Logging_Cheat_Sheet")),
        new(ThreatCategory.CrlfInjection, "Refuse CR and LF in values that go into headers or log lines, and set headers through the framework's API, which validates them.", Sheet("HTTP_Headers_Cheat_Sheet")),
        new(ThreatCategory.XPathInjection, "Use parameterised XPath (variables bound through the API, XsltArgumentList) instead of building expressions from strings.", Sheet("Injection_Prevention_Cheat_Sheet")),
        new(ThreatCategory.SsiInjection, "Turn off server-side includes for content that can contain user input, and encode such content before it is served.", Sheet("Injection_Prevention_Cheat_Sheet")),
        new(ThreatCategory.MailInjection, "Build messages with a mail library that sets headers through its API, and refuse CR and LF in addresses and subjects.", Sheet("Injection_Prevention_Cheat_Sheet")),
        new(ThreatCategory.PrototypePollution, "Refuse __proto__, constructor and prototype keys when merging input, create maps with Object.create(null) or Map, and freeze prototypes where possible.", Sheet("Prototype_Pollution_Prevention_Cheat_Sheet")),
        new(ThreatCategory.OpenRedirect, "Redirect only to relative paths or to an allow-list of destinations; map user choices to ids rather than passing URLs through.", Sheet("Unvalidated_Redirects_and_Forwards_Cheat_Sheet")),
    }.ToDictionary(r => r.Family, StringComparer.Ordinal);

    /// <summary>Every remediation, one per family.</summary>
    public static IReadOnlyCollection<Remediation> All => ByFamily.Values;

    /// <summary>The remediation for <paramref name="family"/>, or null for <c>none</c> and unknown names.</summary>
    public static Remediation? For(string family) => ByFamily.GetValueOrDefault(family);

    private static Uri Sheet(string name) => new(CheatSheets + name + ".html");
}
