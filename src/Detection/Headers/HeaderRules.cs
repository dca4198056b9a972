using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Headers;

/// <summary>CRLF injection (CWE-93, CAPEC-105) and mail header injection (CWE-93, CAPEC-134) rules.</summary>
internal static class HeaderRules
{
    public static readonly RuleDefinition HeaderInjection = new("crlf.header_injection", ThreatCategory.CrlfInjection, 0.9, 0.6, 0.98,
        "line break followed by an HTTP header", 93, 105);

    public static readonly RuleDefinition ResponseSplitting = new("crlf.response_splitting", ThreatCategory.CrlfInjection, 0.98, 0.68, 0.99,
        "injected header followed by a blank line and a body: the response is split", 93, 105);

    public static readonly RuleDefinition InjectedBody = new("crlf.injected_body", ThreatCategory.CrlfInjection, 0.9, 0.6, 0.98,
        "line break before injected markup or a status line at the start of the value", 93, 105);

    public static readonly RuleDefinition LineBreakProbe = new("crlf.encoded_line_break", ThreatCategory.CrlfInjection, 0.7, 0.4, 0.9,
        "encoded CR/LF is (nearly) the whole value: a header-splitting probe", 93, 105);

    public static readonly RuleDefinition MailHeader = new("mail.header_injection", ThreatCategory.MailInjection, 0.8, 0.5, 0.95,
        "line break followed by a mail header adds recipients or content", 93, 134);

    public static readonly RuleDefinition MailAddressHeader = new("mail.address_header_injection", ThreatCategory.MailInjection, 0.93, 0.63, 0.99,
        "line break after an e-mail address followed by a mail header", 93, 134);

    public static readonly RuleDefinition MailBodyInjection = new("mail.body_injection", ThreatCategory.MailInjection, 0.85, 0.55, 0.95,
        "encoded blank line after an e-mail address ends the headers and starts an injected message body", 93, 134);

    public static readonly RuleDefinition SendmailArgument = new("mail.sendmail_argument", ThreatCategory.MailInjection, 0.85, 0.55, 0.95,
        "sendmail option (-X log file, -OQueueDirectory, -C config, -be expansion) smuggled into an address", 88, 134);

    public static readonly RuleDefinition[] All =
        [HeaderInjection, ResponseSplitting, InjectedBody, LineBreakProbe, MailHeader, MailAddressHeader, MailBodyInjection, SendmailArgument];
}
