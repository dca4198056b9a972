using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Headers;

/// <summary>
/// CRLF injection (HTTP response splitting, header injection) and e-mail header injection. Both are a line break
/// smuggled into a value that ends up in a header block; what follows the break decides which: an HTTP header line
/// (<c>Name: value</c>), a status line or a blank line and a body is CRLF injection, a mail header (Bcc, Cc, To ...)
/// or SMTP command is mail injection. Breaks count in decoded form (<c>%0d%0a</c>, <c>%250a</c>, <c>%u000a</c>,
/// <c>\r\n</c> escapes, and <c>%E5%98%8A</c>, whose low byte a lax server writes as LF). A break the client sent
/// literally is an honest multi-line value (text, JSON, code, a pasted header dump) unless it is short and what
/// follows it is a header an attacker needs; a value that is only encoded breaks is a probe.
/// </summary>
internal sealed class HeaderInjectionDetector : IViewDetector
{
    private const int MaxBreaks = 256;

    // RFC 5321 bounds an address at 254 characters; a subject line worth a header is shorter than a paragraph.
    private const int MaxFieldLength = 254;

    private static readonly string[] MailHeaders = ["bcc:", "cc:", "to:", "from:", "subject:", "reply-to:", "sender:", "return-path:", "rcpt to:", "mail from:", "x-mailer:", "mime-version:"];
    private static readonly string[] SmtpVerbs = ["data", "quit", "rset", "helo ", "ehlo ", "vrfy ", "expn "];

    // With literal line breaks only the headers an attacker needs (cookies, redirects, body framing) count.
    private static readonly string[] SensitiveHeaders = ["set-cookie:", "location:", "content-length:", "content-type: text/html", "refresh:", "transfer-encoding:", "access-control-allow-", "content-security-policy:", "x-xss-protection:", "content-disposition: attachment"];

    public string Family => ThreatCategory.CrlfInjection;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        if (ReferenceEquals(view, input.Decoded))
        {
            CheckProbe(input, findings);
            CheckSendmailArgument(view, findings);
        }

        var s = view.Text.AsSpan();
        var raw = input.Raw.AsSpan();

        // Characters whose low byte is LF or CR (U+560A, U+010A) are line breaks to servers that keep the low byte,
        // but only when decoding produced them: the same characters typed as text are just text.
        var lowByte = LowByteBreak(raw, 0) < 0;
        var nl = NextBreak(s, 0, lowByte);
        if (nl < 0)
        {
            return;
        }

        var rawHasBreaks = raw.IndexOfAny('\r', '\n') >= 0;

        // Decoding never removes a line break, so a view with no more breaks than the raw text has only literal ones.
        var allLiteral = ReferenceEquals(view, input.Views[0]) || (rawHasBreaks && s.Count('\n') <= raw.Count('\n') && s.Count('\r') <= raw.Count('\r') && (!lowByte || LowByteBreak(s, 0) < 0));
        var breaks = 0;
        for (var i = nl; i >= 0 && i < s.Length && breaks++ < MaxBreaks;)
        {
            var k = SkipBreaks(s, i, lowByte, out var lineBreaks);
            var line = s[k..];
            var lineEnd = NextBreak(line, 0, lowByte);
            var header = lineEnd < 0 ? line : line[..lineEnd];
            var literal = allLiteral || (rawHasBreaks && IsLiteralBreak(raw, header));
            if (InspectBreak(view, s, i, lineBreaks, line, header, literal, findings))
            {
                return;
            }

            i = k < s.Length ? NextBreak(s, k, lowByte) : -1;
        }
    }

    /// <summary>Judges one break; true when a finding settles the view.</summary>
    private static bool InspectBreak(DecodedView view, ReadOnlySpan<char> s, int i, int lineBreaks, ReadOnlySpan<char> line, ReadOnlySpan<char> header, bool literal, FindingCollector f)
    {
        var before = s[..i].Trim();
        if (IsDocument(before))
        {
            return true; // the rest of the view is inside the same document
        }

        var length = Math.Min(s.Length - i, 60);
        if (IsMailInjection(before, header, literal))
        {
            var address = before.IndexOf('@') > 0 || header.IndexOf('@') >= 0;
            f.Add(address ? HeaderRules.MailAddressHeader : HeaderRules.MailHeader, view, i, length);
            return true;
        }

        // from:me@x.example%0a%0aText: a blank line after an address field starts the message body.
        if (!literal && lineBreaks >= 2 && before.IndexOf('@') > 0 && before.IndexOf(' ') < 0 && !IsHeaderLine(header) && line.Trim().Length > 0 && header.TrimStart().Length > 0 && header.TrimStart()[0] != '<')
        {
            f.Add(HeaderRules.MailBodyInjection, view, i, length);
            return true;
        }

        // Header folding: an encoded break may be followed by spaces ("%0a%20X-Header: 1").
        var folded = literal ? header : header.TrimStart(" \t");
        var prose = before.Count(' ') >= 3;
        var shortValue = before.Length <= 80 && !IsHeaderLine(before) && !before.StartsWith("--");
        var headerLine = IsHeaderLine(folded) && (literal || prose ? StartsWithAny(folded, SensitiveHeaders) && shortValue : true);
        if (headerLine)
        {
            f.Add(HeaderRules.HeaderInjection, view, i, length);
            var blank = line.IndexOf("\n\n", StringComparison.Ordinal) >= 0 || line.IndexOf("\r\n\r\n", StringComparison.Ordinal) >= 0;
            if (blank)
            {
                f.Add(HeaderRules.ResponseSplitting, view, i, length);
            }

            return true;
        }

        if (literal || i >= 40 || folded.Length == 0)
        {
            return false;
        }

        var status = folded.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase);
        if ((folded[0] == '<' && before.IndexOf('<') < 0) || status)
        {
            // A blank line before the markup or status line ends the header block: the response is split.
            f.Add(HeaderRules.InjectedBody, view, i, length);
            if (lineBreaks >= 2)
            {
                f.Add(HeaderRules.ResponseSplitting, view, i, length);
            }

            return true;
        }

        return false;
    }

    // An address or subject field followed by a mail header or SMTP verb. With literal breaks a pasted e-mail has
    // To:/From: lines too, so only a single-token address field before the break counts.
    private static bool IsMailInjection(ReadOnlySpan<char> before, ReadOnlySpan<char> header, bool literal)
    {
        var line = header.TrimStart(" \t");
        var mail = StartsWithAny(line, MailHeaders) || (before.IndexOf('@') > 0 && line.StartsWith("content-type:", StringComparison.OrdinalIgnoreCase));
        if (!mail)
        {
            foreach (var verb in SmtpVerbs)
            {
                mail |= line.StartsWith(verb, StringComparison.OrdinalIgnoreCase) && (verb[^1] == ' ' || line.Trim().Length == verb.Length);
            }
        }

        if (!mail)
        {
            return false;
        }

        return before.Length == 0 || (literal ? before.IndexOf(' ') < 0 && before.IndexOf('@') > 0 && before.IndexOfAny('\r', '\n') < 0 : IsFieldValue(before));
    }

    // What an address or subject field holds: one short line (an address, "Name" <address>, a subject), not a
    // record of fields.
    private static bool IsFieldValue(ReadOnlySpan<char> before) =>
        before.Length <= MaxFieldLength && before.IndexOfAny("{}[]\r\n") < 0 && before.Count('"') <= 2;

    // {"k":"...\r\nContent-Type: x"}, [{...}], <?xml ...>, <a>..</a>: a break inside a JSON or XML document belongs
    // to one of its strings or elements (logged response headers, YAML, code); each is judged on its own as a value.
    private static bool IsDocument(ReadOnlySpan<char> before)
    {
        if (before.Length < 2)
        {
            return false;
        }

        var json = (before[0] == '{' && before[1] == '"') || (before[0] == '[' && before[1] is '{' or '"' or '[' || char.IsAsciiDigit(before[1]));
        var xml = before.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || (before[0] == '<' && char.IsAsciiLetter(before[1]) && before.IndexOf("</", StringComparison.Ordinal) > 0);
        return (json && before.IndexOf("\":", StringComparison.Ordinal) > 0) || (json && before[0] == '[' && before.IndexOf(',') > 0) || xml;
    }

    // A decoded break is literal when the raw text already has the same line after a break.
    private static bool IsLiteralBreak(ReadOnlySpan<char> raw, ReadOnlySpan<char> header)
    {
        var probe = header.Length > 24 ? header[..24] : header;
        if (probe.Length < 3)
        {
            return true;
        }

        var at = raw.IndexOf(probe, StringComparison.Ordinal);
        return at > 0 && raw[at - 1] is '\n' or '\r' or ' ' or '\t';
    }

    // me@x.example -X/var/www/x.php, -OQueueDirectory=/tmp: options that make sendmail write files or run code.
    private static void CheckSendmailArgument(DecodedView view, FindingCollector f)
    {
        var s = view.Text.AsSpan();
        if (s.IndexOf('@') < 0 || s.Length > 512)
        {
            return;
        }

        ReadOnlySpan<string> options = ["-X/", "-X ", "-OQueueDirectory", "-C/", "-be ", "-oQ/", "-f\""];
        foreach (var option in options)
        {
            var at = s.IndexOf(option.AsSpan(), StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || s[at - 1] is ' ' or '\'' or '"' or '\t'))
            {
                f.Add(HeaderRules.SendmailArgument, view, at, Math.Min(s.Length - at, 60));
                return;
            }
        }
    }

    private static bool IsLowByteBreak(char c) => c >= 0x100 && (c & 0xFF) is 0x0A or 0x0D && char.IsLetter(c);

    private static int LowByteBreak(ReadOnlySpan<char> s, int from)
    {
        for (var k = from; k < s.Length; k++)
        {
            if (IsLowByteBreak(s[k]))
            {
                return k;
            }
        }

        return -1;
    }

    private static int NextBreak(ReadOnlySpan<char> s, int from, bool lowByte)
    {
        var rel = s[from..].IndexOfAny('\r', '\n');
        var plain = rel < 0 ? -1 : from + rel;
        if (!lowByte)
        {
            return plain;
        }

        var wide = LowByteBreak(plain < 0 ? s : s[..plain], from);
        return wide >= 0 ? wide : plain;
    }

    private static int SkipBreaks(ReadOnlySpan<char> s, int i, bool lowByte, out int lineBreaks)
    {
        lineBreaks = 0;
        var k = i;
        while (k < s.Length && (s[k] is '\r' or '\n' || (lowByte && IsLowByteBreak(s[k]))))
        {
            if (s[k] == '\n' || (s[k] & 0xFF) == 0x0A)
            {
                lineBreaks++;
            }

            k++;
        }

        lineBreaks = Math.Max(1, lineBreaks);
        return k;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> line, string[] prefixes)
    {
        foreach (var p in prefixes)
        {
            if (line.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Header field: token chars then ':' (Set-Cookie:, Location:, Content-Length: ...).
    private static bool IsHeaderLine(ReadOnlySpan<char> line)
    {
        var k = 0;
        while (k < line.Length && (char.IsAsciiLetterOrDigit(line[k]) || line[k] == '-'))
        {
            k++;
        }

        return k >= 3 && k < line.Length && line[k] == ':' && line[..k].IndexOfAnyInRange('A', 'z') >= 0
            && (k + 1 >= line.Length || line[k + 1] is ' ' or '\t' or '<' or '/' or '"' || char.IsAsciiLetterOrDigit(line[k + 1]));
    }

    /// <summary>
    /// A value that is (nearly) nothing but encoded line breaks: <c>%0d%0a</c>, <c>/%250a</c>, <c>%23%0d</c>,
    /// <c>%E5%98%8A%E5%98%8D</c>. Breaks that only appear after several decoding rounds or in non-standard
    /// encodings are never honest; a single-encoded break needs to open or close the value.
    /// </summary>
    private static void CheckProbe(NormalisedInput input, FindingCollector f)
    {
        var raw = input.Raw.AsSpan();
        var decoded = input.Decoded.Text.AsSpan();
        if (raw.IndexOfAny('\r', '\n') >= 0 || (decoded.IndexOfAny('\r', '\n') < 0 && LowByteBreak(decoded, 0) < 0) || LowByteBreak(raw, 0) >= 0 || decoded.Length > 64)
        {
            return;
        }

        var rest = 0;
        foreach (var c in decoded)
        {
            if (c >= 0x80 && !IsLowByteBreak(c) && char.IsLetter(c))
            {
                return; // text in a script with such characters (CJK): they are letters there, not a probe
            }

            if (char.IsLetterOrDigit(c) && !IsLowByteBreak(c))
            {
                rest++;
            }
        }

        var firstUrl = input.Views.Count > 1 ? input.Views[1].Text.AsSpan() : ReadOnlySpan<char>.Empty;
        var plain = firstUrl.IndexOfAny('\r', '\n') >= 0 && Scanning.Find(raw, "%25") < 0
            && (Scanning.Find(raw, "%0a") >= 0 || Scanning.Find(raw, "%0d") >= 0 || Scanning.Find(raw, "\\n") >= 0 || Scanning.Find(raw, "\\r") >= 0);
        var trimmed = decoded.Trim(" \t\0#?/&;");
        var atEdge = trimmed.Length > 0 && (trimmed[0] is '\r' or '\n' || trimmed[^1] is '\r' or '\n' || LowByteBreak(decoded, 0) >= 0);
        atEdge |= Scanning.Find(raw, "%00%0d") >= 0 || Scanning.Find(raw, "%00%0a") >= 0; // NUL then CRLF: a terminator probe
        if (plain ? rest <= 3 || (atEdge && rest <= 12) : rest <= 24)
        {
            f.Add(HeaderRules.LineBreakProbe, input.Views[0], 0, Math.Min(raw.Length, 40));
        }
    }
}
