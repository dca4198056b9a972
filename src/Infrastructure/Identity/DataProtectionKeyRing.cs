using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>
/// The Data Protection key ring lives in the database (ADR 0022), so every replica on one PostgreSQL opens what another
/// protected (authenticator secrets, stored threat inputs). Keys written to files by earlier versions are imported on
/// first start, so secrets protected before the move still open. With <c>DataProtection:CertificatePath</c> the key
/// XML is encrypted with that certificate before it reaches the database, so a copy of the database alone does not
/// open what it protects.
/// </summary>
internal static class DataProtectionKeyRing
{
    public const string ApplicationName = "InfiniteSecurity";

    /// <summary>Protected once at start-up: loads (or creates) the key ring while the database is known to answer.</summary>
    private const string WarmUpPurpose = "InfiniteSecurity.KeyRingCheck.v1";

    public static void AddDatabaseKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        var keys = configuration["DataProtection:KeysDirectory"];
        var legacy = new LegacyKeyDirectory(string.IsNullOrWhiteSpace(keys) ? Path.Combine(dataDirectory, "keys") : keys);
        services.AddSingleton(legacy);

        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();

        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            // Loaded while the host is built: a wrong path or password stops the start instead of the first sign-in.
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"],
                X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException("DataProtection:CertificatePath must name a PKCS#12 file with the private key.");
            }

            // Unprotect with the same certificate directly: on Linux the XML decryptor would otherwise look for it in a store.
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (environment.IsProduction()
            && configuration.GetSection(ThreatStorageOptions.SectionName).Get<ThreatStorageOptions>()?.StoreInput == InputStorage.Encrypted)
        {
            // Keeping whole inputs with the key ring unencrypted beside them would protect them from nothing that
            // can read the database: refuse to start rather than pretend.
            throw new InvalidOperationException(
                "Threats:StoreInput=Encrypted in Production needs DataProtection:CertificatePath (a PKCS#12 file with its private key, "
                + "DataProtection:CertificatePassword from a secret): the key ring is stored in the database and must not be readable from it alone.");
        }
        else if (environment.IsProduction() && !configuration.GetValue("DataProtection:AllowUnencryptedKeyRing", false))
        {
            // The key ring opens the MFA secrets stored in the same database: unencrypted, a dump or a backup of the
            // database alone would open them. Production starts only with the keys encrypted, or told otherwise.
            throw new InvalidOperationException(
                "Production needs DataProtection:CertificatePath (a PKCS#12 file with its private key, DataProtection:CertificatePassword "
                + "from a secret) to encrypt the key ring stored in the database; set DataProtection:AllowUnencryptedKeyRing=true only where "
                + "the database and its backups are as protected as the secrets themselves.");
        }
    }

    /// <summary>
    /// Copies key files of earlier versions into the database (each once, by its key id), then loads the key ring.
    /// Runs after the migrations; on PostgreSQL under their advisory lock, so replicas starting together import once.
    /// </summary>
    public static async Task ImportFileKeysAsync(IServiceProvider services, AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var legacy = services.GetRequiredService<LegacyKeyDirectory>();
        if (Directory.Exists(legacy.Path))
        {
            var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
            var imported = 0;
            foreach (var file in Directory.GetFiles(legacy.Path, "key-*.xml").Order(StringComparer.Ordinal))
            {
                var friendlyName = System.IO.Path.GetFileNameWithoutExtension(file);
                if (known.Contains(friendlyName))
                {
                    continue;
                }

                // Parsed, so a damaged file fails here with its name rather than later inside the key ring.
                var xml = XElement.Load(file);
                db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = xml.ToString(SaveOptions.DisableFormatting) });
                imported++;
            }

            if (imported > 0)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Imported {Count} Data Protection key(s) from {Directory} into the database", imported, legacy.Path);
            }
        }

        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(WarmUpPurpose).Protect([1]);
    }
}

/// <summary>Where earlier versions kept the key ring as files (<c>DataProtection:KeysDirectory</c>, default <c>data/keys</c>).</summary>
internal sealed record LegacyKeyDirectory(string Path);
