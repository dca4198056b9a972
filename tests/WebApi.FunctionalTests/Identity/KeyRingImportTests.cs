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
}
