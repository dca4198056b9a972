using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace InfiniteSecurity.Application.Siem.Common;

/// <summary>
/// A position in the security event stream: the last (transaction, position) a consumer has seen. Opaque to
/// clients (base64url of a versioned text), so the encoding can change without changing the contract.
/// </summary>
public readonly record struct StreamCursor(long Xact, long Position)
{
    private const string Version = "1";

    /// <summary>Before every event.</summary>
    public static StreamCursor Start => new(0, 0);

    public bool IsBefore(long xact, long position) => Xact < xact || (Xact == xact && Position < position);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}.{Xact}.{Position}")));

    /// <summary>Reads a cursor the API handed out; an empty one is the start of the stream.</summary>
    public static bool TryDecode(string? text, out StreamCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length > 64 || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
        if (parts.Length != 3 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var xact)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return false;
        }

        cursor = new StreamCursor(xact, position);
        return true;
    }
}
