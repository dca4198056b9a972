using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InfiniteSecurity.Application.Sessions.ListActiveSessions;

/// <summary>
/// Where the previous page of sessions ended: the last row's start time and id, as base64url of
/// <c>v1|ticks|id|check</c>. The check refuses an edited cursor (400) instead of paging from somewhere else; it grants
/// nothing, since the list is for admins who may see every session anyway.
/// </summary>
public sealed record SessionCursor(long CreatedAtTicks, Guid Id)
{
    private const string Version = "v1";

    public string Encode()
    {
        var body = string.Join('|', Version, CreatedAtTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(body + "|" + Check(body)));
    }

    public static bool TryDecode(string? text, out SessionCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 200 || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
        if (parts.Length != 4 || parts[0] != Version || parts[3] != Check(string.Join('|', parts[..3]))
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return false;
        }

        cursor = new SessionCursor(ticks, id);
        return true;
    }

    private static string Check(string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)).AsSpan(0, 8));
}
