using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>
/// The HS256 key. From <c>Jwt:SigningKey</c> when set (at least 32 bytes, in every environment). Without it,
/// Development generates one and keeps it under <c>data/</c> (git-ignored) so tokens survive a restart, and every
/// other environment refuses to start: a guessable or shared default key would let anyone mint admin tokens.
/// </summary>
public sealed class JwtSigningKey
{
    public const int MinimumBytes = 32;
    public const string DevelopmentKeyFileName = "jwt-signing-key.dev";

    private JwtSigningKey(byte[] key, string source)
    {
        Key = new SymmetricSecurityKey(key) { KeyId = "hs256-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(key))[..8] };
        Source = source;
    }

    public SymmetricSecurityKey Key { get; }

    /// <summary>Where the key came from (configuration or the generated development file), for the start-up log. Never the key.</summary>
    public string Source { get; }

    public static JwtSigningKey Load(JwtOptions options, IHostEnvironment environment, string dataDirectory)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            var bytes = Encoding.UTF8.GetBytes(options.SigningKey);
            if (bytes.Length < MinimumBytes)
            {
                throw new InvalidOperationException($"Jwt:SigningKey must be at least {MinimumBytes} bytes (it has {bytes.Length}). Generate one with: openssl rand -base64 48");
            }

            return new JwtSigningKey(bytes, "configuration (Jwt:SigningKey)");
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Jwt:SigningKey is not set. Outside Development the service refuses to start without a signing key of at least {MinimumBytes} bytes " +
                "(environment variable Jwt__SigningKey; generate one with: openssl rand -base64 48).");
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, DevelopmentKeyFileName);
        if (!File.Exists(path))
        {
            var generated = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(path, Encoding.ASCII, fileOptions);
                writer.Write(generated);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first; use theirs.
            }
        }

        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return new JwtSigningKey(key, $"generated development key ({path})");
    }
}
