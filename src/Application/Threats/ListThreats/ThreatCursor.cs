using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InfiniteSecurity.Application.Threats.ListThreats;

/// <summary>
/// Where the previous page ended: the sort it belongs to, the last row's sort key and id. Opaque to clients
/// (base64url of <c>v1|sort|key|id|check</c>). The check is a hash of the rest, so an edited or truncated cursor is
/// refused as a 400 instead of silently paging from somewhere else. It is not an authority: a forged cursor can only
/// move within the rows the caller may see anyway, because visibility is applied by the query, not by the cursor.
/// </summary>
public sealed record ThreatCursor(ThreatSort Sort, long Key, Guid Id)
{
    private const string Version = "v1";

    public string Encode()
    {
        var body = string.Join('|', Version, Sort.ToString(), Key.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(body + "|" + Check(body)));
    }

    public static bool TryDecode(string? text, out ThreatCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 200 || !Base64Url.IsValid(text))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = decoded.Split('|');
        if (parts.Length != 5 || parts[0] != Version || parts[4] != Check(string.Join('|', parts[..4])))
        {
            return false;
        }

        if (!Enum.TryParse<ThreatSort>(parts[1], ignoreCase: false, out var sort) || !Enum.IsDefined(sort)
            || !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !Guid.TryParseExact(parts[3], "N", out var id))
        {
            return false;
        }

        cursor = new ThreatCursor(sort, key, id);
        return true;
    }

    private static string Check(string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)).AsSpan(0, 8));
}
