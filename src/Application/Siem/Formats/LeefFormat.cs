using System.Globalization;
using System.Net;
using System.Text;
using InfiniteSecurity.Application.Siem.Common;

namespace InfiniteSecurity.Application.Siem.Formats;

/// <summary>
/// IBM LEEF 2.0: <c>LEEF:2.0|Vendor|Product|Version|EventID|x09|key=value&lt;TAB&gt;key=value</c>. The attribute
/// delimiter is declared as tab (<c>x09</c>). Header fields escape <c>\</c> and <c>|</c>; values escape <c>\</c>
/// and write tab and line breaks as <c>\t</c>, <c>\n</c>, <c>\r</c>, so no value can split an attribute or an event.
/// </summary>
public static class LeefFormat
{
    public const char Delimiter = '\t';

    public static string ToLine(SecurityEventView e)
    {
        var sb = new StringBuilder(256);
        sb.Append("LEEF:2.0|").Append(Header(ProductInfo.Vendor)).Append('|').Append(Header(ProductInfo.Product)).Append('|')
            .Append(Header(ProductInfo.Version)).Append('|').Append(Header(SecurityEventCatalogue.SignatureId(e))).Append("|x09|");

        var attributes = new List<(string Key, string? Value)>
        {
            ("devTime", e.Time.ToString("MMM dd yyyy HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC"),
            ("devTimeFormat", "MMM dd yyyy HH:mm:ss.SSS z"),
            ("eventId", e.Id.ToString()),
            ("cat", e.Threat?.Family ?? e.Kind),
            ("sev", SecurityEventCatalogue.Severity(e).ToString(CultureInfo.InvariantCulture)),
            ("name", SecurityEventCatalogue.Name(e)),
            ("src", e.SourceIp is not null && IPAddress.TryParse(e.SourceIp, out _) ? e.SourceIp : null),
            ("usrName", e.Actor),
            ("userAgent", e.UserAgent),
            ("outcome", e.Outcome),
            ("reason", e.Details),
        };
        if (e.Threat is { } threat)
        {
            attributes.Add(("action", threat.Action));
            attributes.Add(("blocked", threat.Blocked ? "true" : "false"));
            attributes.Add(("ruleIds", string.Join(',', threat.RuleIds)));
            attributes.Add(("locations", string.Join(',', threat.Locations)));
            attributes.Add(("riskScore", threat.RiskScore.ToString(CultureInfo.InvariantCulture)));
            attributes.Add(("confidence", threat.Confidence.ToString("0.###", CultureInfo.InvariantCulture)));
            attributes.Add(("requestId", threat.RequestId.ToString()));
        }

        var first = true;
        foreach (var (key, value) in attributes.Where(x => !string.IsNullOrEmpty(x.Value)))
        {
            sb.Append(first ? string.Empty : Delimiter).Append(key).Append('=').Append(Value(value!));
            first = false;
        }

        return sb.ToString();
    }

    /// <summary>Header escaping: backslash and pipe; line breaks (which would end the event) become spaces.</summary>
    public static string Header(string value) => CefFormat.Header(value);

    /// <summary>Value escaping: backslash, and the delimiter and line breaks as <c>\t</c>, <c>\n</c>, <c>\r</c>.</summary>
    public static string Value(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
