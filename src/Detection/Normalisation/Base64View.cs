using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// Decodes an input that is exactly one base64 token (standard or URL alphabet, at least 16 characters) when the
/// result is printable UTF-8 text. Anything else — prose, hashes that decode to binary — is left alone.
/// </summary>
internal static class Base64View
{
    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_");

    public static bool TryDecode(string text, out string decoded)
    {
        decoded = string.Empty;
        var s = text.AsSpan().Trim();
        if (s.Length < 16 || s.Length > 8192 || s.IndexOfAnyExcept(Alphabet) >= 0)
        {
            return false;
        }

        var standard = s.ToString().Replace('-', '+').Replace('_', '/').TrimEnd('=');
        var padded = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var buffer = new byte[(padded.Length / 4) * 3];
        if (Base64.DecodeFromUtf8(Encoding.ASCII.GetBytes(padded), buffer, out _, out var written) != OperationStatus.Done)
        {
            return false;
        }

        var bytes = buffer.AsSpan(0, written);
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r')
            {
                return false;
            }
        }

        try
        {
            decoded = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return decoded.Length > 0;
    }
}
