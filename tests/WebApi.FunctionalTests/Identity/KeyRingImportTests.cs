using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using InfiniteSecurity.Infrastructure.Identity;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

/// <summary>
/// The key ring moved from files into the database (ADR 0022): what earlier versions protected with the file keys
/// (authenticator secrets) must still open after the move, on every instance.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class KeyRingImportTests(DatabaseProvider provider)
{
    [Test]
    public async Task An_authenticator_secret_protected_with_the_file_key_ring_still_opens_after_the_keys_move_into_the_database()
    {
        var keys = Path.Combine(Path.GetTempPath(), "infsec-tests", Guid.NewGuid().ToString("N"), "keys");
        try
        {
            // What an earlier version did: keys as files, the secret protected under the authenticator purpose.
            var before = DataProtectionProvider.Create(new DirectoryInfo(keys), b => b.SetApplicationName(DataProtectionKeyRing.ApplicationName));
            const string Secret = "JBSWY3DPEHPK3PXPTESTSECRET";
            var stored = before.CreateProtector(UserStore.ProtectorPurpose).Protect(Secret);
            var fileKeys = Directory.GetFiles(keys, "key-*.xml").Select(Path.GetFileNameWithoutExtension).ToArray();

            await using var factory = await new ApiFactory { Provider = provider, Settings = { ["DataProtection:KeysDirectory"] = keys } }.StartAsync();
            var provider2 = factory.Services.GetRequiredService<IDataProtectionProvider>();
            var opened = provider2.CreateProtector(UserStore.ProtectorPurpose).Unprotect(stored);
            var inDatabase = await factory.QueryAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());

            Assert.Multiple(() =>
            {
                Assert.That(fileKeys, Has.Length.EqualTo(1));
                Assert.That(opened, Is.EqualTo(Secret));
                Assert.That(inDatabase, Is.SupersetOf(fileKeys), "the file key is imported");
                Assert.That(inDatabase, Is.Unique);
            });
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(keys)!, recursive: true);
        }
    }

    [Test]
    public async Task A_second_instance_with_its_own_empty_key_directory_opens_what_the_first_protected()
    {
        await using var first = await new ApiFactory { Provider = provider }.StartAsync();
        var stored = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(UserStore.ProtectorPurpose).Protect("shared-secret");

        // Same database, different data directory: with file keys this instance would have had a key ring of its own.
        await using var second = await new ApiFactory { Provider = provider, SharedConnectionString = first.ConnectionString }.StartAsync();
        var opened = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(UserStore.ProtectorPurpose).Unprotect(stored);
        Assert.That(opened, Is.EqualTo("shared-secret"));
    }

    [Test]
    public async Task With_a_certificate_configured_the_keys_in_the_database_are_encrypted_and_still_open()
    {
        var directory = Path.Combine(Path.GetTempPath(), "infsec-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var (path, password) = KeyRingCertificate.Write(directory);

            await using var factory = await new ApiFactory
            {
                Provider = provider,
                Settings = { ["DataProtection:CertificatePath"] = path, ["DataProtection:CertificatePassword"] = password },
            }.StartAsync();
            var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(UserStore.ProtectorPurpose);
            var opened = protector.Unprotect(protector.Protect("behind-a-certificate"));
            var xml = await factory.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

            Assert.Multiple(() =>
            {
                Assert.That(opened, Is.EqualTo("behind-a-certificate"));
                Assert.That(xml, Is.Not.Empty);
                Assert.That(xml, Has.All.Contains("EncryptedData"), "a key stored without encryption");
                Assert.That(xml, Has.None.Contains("<value>"), "a master key in the clear");
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Production_refuses_to_keep_inputs_with_a_key_ring_the_database_alone_would_open()
    {
        var factory = new ApiFactory
        {
            Provider = provider,
            EnvironmentName = "Production",
            Settings = { ["Threats:StoreInput"] = "Encrypted", ["DataProtection:CertificatePath"] = "", ["DataProtection:AllowUnencryptedKeyRing"] = "true" },
        };
        var failure = Assert.CatchAsync(async () => await factory.StartAsync());
        Assert.That(failure!.ToString(), Does.Contain("Threats:StoreInput=Encrypted in Production needs DataProtection:CertificatePath"));
    }

    [Test]
    public void Production_refuses_to_start_with_a_key_ring_the_database_alone_would_open()
    {
        var factory = new ApiFactory { Provider = provider, EnvironmentName = "Production", Settings = { ["DataProtection:CertificatePath"] = "" } };
        var failure = Assert.CatchAsync(async () => await factory.StartAsync());
        Assert.That(failure!.ToString(), Does.Contain("DataProtection:AllowUnencryptedKeyRing"));
    }

    [Test]
    public async Task Production_starts_without_a_certificate_only_when_told_the_database_is_protected_enough()
    {
        await using var factory = await new ApiFactory
        {
            Provider = provider,
            EnvironmentName = "Production",
            Settings = { ["DataProtection:CertificatePath"] = "", ["DataProtection:AllowUnencryptedKeyRing"] = "true" },
        }.StartAsync();
        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }
}
