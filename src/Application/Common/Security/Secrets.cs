using System.Security.Cryptography;
using System.Text;

namespace InfiniteSecurity.Application.Common.Security;

/// <summary>
/// High-entropy secrets (refresh tokens, client secrets, recovery codes): generated from the OS CSPRNG, stored only
/// as SHA-256 (a slow hash adds nothing for 256 random bits), compared in constant time.
/// </summary>
public static class Secrets
{
    /// <summary>256 random bits, base64url without padding.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(expectedHash));

    /// <summary>A recovery code a person can type: 10 characters of Crockford-like Base32 split 5-5 (50 bits).</summary>
    public static string NewRecoveryCode()
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";
        Span<char> chars = stackalloc char[11];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i == 5 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Recovery codes are matched case-insensitively and without the dash.</summary>
    public static string HashRecoveryCode(string code) => Hash(code.Replace("-", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant());

    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, static (dest, a) =>
        {
            for (var i = 0; i < dest.Length; i++)
            {
                dest[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
            }
        });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
