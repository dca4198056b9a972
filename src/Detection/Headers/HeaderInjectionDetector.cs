using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Headers;

/// <summary>
/// CRLF injection (HTTP response splitting, header injection) and e-mail header injection. Both are a line break
/// smuggled into a value that ends up in a header block; what follows the break decides which: an HTTP header or a
/// second header block/body is CRLF injection, a mail header (Bcc, Cc, To ...) or SMTP command is mail injection.
/// Line breaks count in decoded form (<c>%0d%0a</c>, <c>\r\n</c> escapes, <c>%E5%98%8A</c> overlong-ish forms) and
/// bare encoded breaks in the raw text are a weak probe on their own.
/// </summary>
internal sealed class HeaderInjectionDetector : IThreatDetector
{
    private static readonly string[] MailHeaders = ["bcc:", "cc:", "to:", "from:", "subject:", "reply-to:", "sender:", "content-type: multipart", "rcpt to:", "mail from:", "data"];

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        CheckEncodedBreaks(input, findings);
        for (var v = 0; v < input.Views.Count; v++)
        {
            InspectView(input.Views[v], findings, rawLineBreaks: v == 0);
        }
    }

    // Real line breaks in the raw input can be an honest multi-line text field; there only the headers an attacker
    // needs (cookies, redirects, body framing, recipients) count. Encoded breaks are never honest.
    private static readonly string[] SensitiveHeaders = ["set-cookie:", "location: http", "location: /", "location:http", "content-length: 0", "content-type: text/html", "refresh: 0", "transfer-encoding: chunked", "access-control-allow-origin:", "content-security-policy:"];

    private static void InspectView(DecodedView view, FindingCollector f, bool rawLineBreaks)
    {
        var s = view.Text.AsSpan();
        var nl = s.IndexOfAny('\r', '\n', '\u560A');
        if (nl < 0)
        {
            return;
        }

        for (var i = nl; i >= 0 && i < s.Length;)
        {
            var k = i;
            var breaks = 0;
            while (k < s.Length && s[k] is '\r' or '\n' or '\u560A' or '\u560D')
            {
                if (s[k] != '\r' && s[k] != '\u560D')
                {
                    breaks++;
                }

                k++;
            }

            if (breaks == 0)
            {
                breaks = 1;
            }

            var line = s[k..];
            var lineEnd = line.IndexOfAny('\r', '\n');
            var header = lineEnd < 0 ? line : line[..lineEnd];
            // A pasted e-mail in a multi-line text field has To:/From: lines too; with real (not encoded) line breaks
            // only a single-line address field followed by a header is an injection.
            var addressField = s[..i].Trim().IndexOf(' ') < 0 && s[..i].IndexOf('@') > 0;
            foreach (var m in MailHeaders)
            {
                if (header.StartsWith(m, StringComparison.OrdinalIgnoreCase) && (m != "data" || header.Trim().Length == 4) && (!rawLineBreaks || addressField))
                {
                    var atSign = s[..i].IndexOf('@') >= 0 || header.IndexOf('@') >= 0;
                    f.Add(ThreatCategory.MailInjection, "mail.header_injection", atSign ? 0.93 : 0.8, view, i, Math.Min(s.Length - i, 60), "line break followed by a mail header adds recipients or content");
                    return;
                }
            }

            if (IsHeaderLine(header) && (!rawLineBreaks || StartsWithAny(header, SensitiveHeaders)))
            {
                // A header followed by a blank line and content splits the response: the injected body (often a
                // script) is the payload, the line break is the vulnerability, so CRLF outranks what it carries.
                var splits = lineEnd >= 0 && line[lineEnd..].StartsWith("\n\n") || line.IndexOf("\r\n\r\n", StringComparison.Ordinal) >= 0;
                f.Add(ThreatCategory.CrlfInjection, "crlf.header_injection", splits ? 0.98 : 0.9, view, i, Math.Min(s.Length - i, 60), "line break followed by an HTTP header");
            }
            else if (!rawLineBreaks && breaks >= 2 && header.Length > 0 && (header[0] == '<' || header.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase)) && i < 40)
            {
                f.Add(ThreatCategory.CrlfInjection, "crlf.response_splitting", 0.98, view, i, Math.Min(s.Length - i, 60), "blank line ends the header block and starts an injected body");
            }
            else if (!rawLineBreaks && breaks >= 1 && i < 40 && header.Length > 0 && header[0] == '<' && s[..i].IndexOf('<') < 0)
            {
                f.Add(ThreatCategory.CrlfInjection, "crlf.response_splitting", 0.9, view, i, Math.Min(s.Length - i, 60), "line break before injected markup at the start of the value");
            }

            var next = k < s.Length ? s[k..].IndexOfAny('\r', '\n') : -1;
            i = next < 0 ? -1 : k + next;
        }
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

        return k >= 3 && k < line.Length && line[k] == ':' && line[..k].IndexOfAnyInRange('A', 'z') >= 0 && (k + 1 >= line.Length || line[k + 1] is ' ' or '\t' || char.IsAsciiLetterOrDigit(line[k + 1]) || line[k + 1] is '<' or '/' or '"');
    }

    // Encoded CR/LF written out in the raw input: %0d %0a, \r \n, 0x0d 0x0a. A probe, weak on its own.
    private static void CheckEncodedBreaks(NormalisedInput input, FindingCollector f)
    {
        var view = input.Views[0];
        var s = view.Text.AsSpan();
        var hits = 0;
        var first = -1;
        for (var i = 0; i + 2 < s.Length; i++)
        {
            var isBreak = (s[i] == '%' && s[i + 1] == '0' && s[i + 2] is 'd' or 'D' or 'a' or 'A')
                || (s[i] == '\\' && s[i + 1] is 'r' or 'n' && s.Length <= 48 && s.IndexOf(' ') < 0)
                || (s[i] == '0' && s[i + 1] is 'x' or 'X' && i + 3 < s.Length && s[i + 2] == '0' && s[i + 3] is 'd' or 'D' or 'a' or 'A')
                || (s[i] == '%' && i + 4 < s.Length && s[i + 1] is '5' && s[i + 2] is 'c' or 'C' && s[i + 3] is 'r' or 'n');
            if (isBreak)
            {
                hits++;
                first = first < 0 ? i : first;
            }
        }

        var decodedHasBreak = input.Decoded.Text.AsSpan().IndexOfAny('\r', '\n') >= 0;
        if (hits >= 2 || (hits == 1 && (s.Length <= 12 || first == 0)))
        {
            f.Add(ThreatCategory.CrlfInjection, "crlf.encoded_line_break", hits >= 2 ? 0.7 : 0.55, view, first, Math.Min(s.Length - first, 40), "encoded CR/LF written into a single-line value");
        }
        else if (decodedHasBreak && hits == 1)
        {
            f.Add(ThreatCategory.CrlfInjection, "crlf.encoded_line_break", 0.45, view, first, Math.Min(s.Length - first, 40), "encoded line break");
        }
    }
}
