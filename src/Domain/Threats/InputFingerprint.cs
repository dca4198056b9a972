using System.Security.Cryptography;
using System.Text;

namespace InfiniteSecurity.Domain.Threats;

/// <summary>Identifies an input without keeping it: SHA-256 of its UTF-8 bytes (hex) and its length in chars.</summary>
public readonly record struct InputFingerprint(string Sha256, int Length)
{
    public static InputFingerprint Of(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = Encoding.UTF8.GetBytes(input);
        return new InputFingerprint(Convert.ToHexStringLower(SHA256.HashData(bytes)), input.Length);
    }

    /// <summary>For a whole HTTP request: SHA-256 of its bytes as received, and its length in bytes.</summary>
    public static InputFingerprint Of(ReadOnlySpan<byte> message) => new(Convert.ToHexStringLower(SHA256.HashData(message)), message.Length);

    public override string ToString() => $"sha256={Sha256[..Math.Min(16, Sha256.Length)]} length={Length}";
}
