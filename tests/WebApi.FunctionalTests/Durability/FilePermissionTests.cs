using System.Net.Http.Json;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Durability;

/// <summary>The SQLite database holds password and token hashes: only the service's own user may read it.</summary>
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilePermissionTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Test]
    public async Task The_database_its_wal_and_shm_are_0600_in_a_0700_folder_the_service_creates()
    {
        var root = Path.Combine(Path.GetTempPath(), "infsec-perm-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        var database = Path.Combine(data, "infinitesecurity.db");
        try
        {
            await using var factory = new ApiFactory
            {
                Settings =
                {
                    ["ConnectionStrings:Default"] = $"Data Source={database}",
                    ["Persistence:SpoolDirectory"] = Path.Combine(root, "spool"),
                },
            };
            factory.StartServer();
            using var admin = await factory.CreateAdminClientAsync();
            await admin.PostAsJsonAsync("/api/v1/analyze", new { input = "' OR 2=2 --" });

            Assert.That(File.GetUnixFileMode(data), Is.EqualTo(OwnerDirectory));
            Assert.That(File.GetUnixFileMode(Path.Combine(root, "spool")), Is.EqualTo(OwnerDirectory));
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                Assert.That(File.Exists(file), Is.True, file);
                Assert.That(File.GetUnixFileMode(file), Is.EqualTo(OwnerFile), file);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
