using System.Globalization;
using System.Net;
using System.Text;
using InfiniteSecurity.Application.Siem.Common;

namespace InfiniteSecurity.Application.Siem.Formats;

/// <summary>
/// ArcSight CEF: <c>CEF:0|Vendor|Product|Version|Signature ID|Name|Severity|Extension</c>. Header fields escape
/// <c>\</c> and <c>|</c>; extension values escape <c>\</c>, <c>=</c> and line breaks (as <c>\n</c>, <c>\r</c>), so a
/// value can never start a new key or a new event.
/// </summary>
public static class CefFormat
{
    public static string ToLine(SecurityEventView e)
    {
        var sb = new StringBuilder(256);
        sb.Append("CEF:0|").Append(Header(ProductInfo.Vendor)).Append('|').Append(Header(ProductInfo.Product)).Append('|')
            .Append(Header(ProductInfo.Version)).Append('|').Append(Header(SecurityEventCatalogue.SignatureId(e))).Append('|')
            .Append(Header(SecurityEventCatalogue.Name(e))).Append('|')
            .Append(SecurityEventCatalogue.Severity(e).ToString(CultureInfo.InvariantCulture)).Append('|');

        var ext = new List<(string Key, string? Value)>
        {
            ("rt", new DateTimeOffset(e.Time).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            ("externalId", e.Id.ToString()),
            ("src", e.SourceIp is not null && IPAddress.TryParse(e.SourceIp, out _) ? e.SourceIp : null),
            ("suser", e.Actor),
            ("requestClientApplication", e.UserAgent),
            ("outcome", e.Outcome),
            ("msg", e.Details),
        };
        if (e.Threat is { } threat)
        {
            ext.Add(("cat", threat.Family));
            ext.Add(("act", threat.Action));
            ext.Add(("cs1Label", "ruleIds"));
            ext.Add(("cs1", string.Join(',', threat.RuleIds)));
            ext.Add(("cs2Label", "locations"));
            ext.Add(("cs2", string.Join(',', threat.Locations)));
            ext.Add(("cs3Label", "requestId"));
            ext.Add(("cs3", threat.RequestId.ToString()));
            ext.Add(("cn1Label", "riskScore"));
            ext.Add(("cn1", threat.RiskScore.ToString(CultureInfo.InvariantCulture)));
            ext.Add(("cfp1Label", "confidence"));
            ext.Add(("cfp1", threat.Confidence.ToString("0.###", CultureInfo.InvariantCulture)));
        }

        var first = true;
        foreach (var (key, value) in ext.Where(x => !string.IsNullOrEmpty(x.Value)))
        {
            sb.Append(first ? string.Empty : " ").Append(key).Append('=').Append(Extension(value!));
            first = false;
        }

        return sb.ToString();
    }

    /// <summary>Header escaping: backslash and pipe; a line break in a header would end the event, so it becomes a space.</summary>
    public static string Header(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '|': sb.Append(@"\|"); break;
                case '\r' or '\n': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Extension escaping: backslash, equals sign, and line breaks written as <c>\n</c> / <c>\r</c>.</summary>
    public static string Extension(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '=': sb.Append(@"\="); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
