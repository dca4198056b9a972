using System.IO.Compression;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>
/// The 100,000 most common passwords of 8+ characters, shipped as an embedded resource (Identity/PasswordList/NOTICE.md has
/// source and licence). Loaded once, on first use; compared lower-cased.
/// </summary>
internal static class CommonPasswordList
{
    private static readonly Lazy<HashSet<string>> Passwords = new(Load);

    public static int Count => Passwords.Value.Count;

    public static bool Contains(string password) => Passwords.Value.Contains(password.ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var resource = typeof(CommonPasswordList).Assembly.GetManifestResourceStream("InfiniteSecurity.Infrastructure.Identity.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common password list resource is missing from the build.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
