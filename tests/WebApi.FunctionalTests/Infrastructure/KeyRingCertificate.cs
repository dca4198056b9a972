using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>A real self-signed PKCS#12 certificate for encrypting the Data Protection key ring, as an operator provides one.</summary>
public static class KeyRingCertificate
{
    /// <summary>Writes the certificate with its private key into <paramref name="directory"/>; returns its path and password.</summary>
    public static (string Path, string Password) Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=infinitesecurity-key-ring-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = System.IO.Path.Combine(directory, "dataprotection-" + Guid.NewGuid().ToString("N")[..8] + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return (path, password);
    }
}
