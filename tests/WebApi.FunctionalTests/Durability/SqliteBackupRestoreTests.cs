using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Durability;

/// <summary>The SQLite backup and restore procedure of docs/operations.md, performed while the service runs.</summary>
public sealed class SqliteBackupRestoreTests
{
    [Test]
    public async Task Online_backup_with_vacuum_into_restores_to_a_working_service_with_every_threat()
    {
        await using var live = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var backup = Path.Combine(live.Directory, "backup.db");
        var restored = Path.Combine(live.Directory, "restored", "infinitesecurity.db");
        var threats = new List<Guid>();
        await using (var service = live.Service("a"))
        {
            await service.StartAsync();
            using var client = await service.CreateClientAsync(TimeSpan.FromSeconds(30));
            for (var i = 0; i < 20; i++)
            {
                var body = JsonNode.Parse(await (await client.PostAsJsonAsync("api/v1/analyze", new { input = $"<script>alert({i})</script>" })).Content.ReadAsStringAsync())!;
                threats.Add(Guid.Parse(body["request_id"]!.GetValue<string>()));
            }

            // Step 1 of the procedure: an online, consistent copy while the service keeps running.
            await using var connection = new SqliteConnection(live.ConnectionString);
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{backup}'";
            await vacuum.ExecuteNonQueryAsync();
        }

        // Step 2: restore = put the copy where the service expects its database, then start it.
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backup, restored);
        await using (var service = new ServiceProcess(DatabaseProvider.Sqlite, $"Data Source={restored}", Path.Combine(live.Directory, "b")))
        {
            await service.StartAsync();
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            Assert.That((await client.GetAsync("health/ready")).IsSuccessStatusCode, Is.True);
        }

        await using var db = TestDatabase.Open(DatabaseProvider.Sqlite, $"Data Source={restored}");
        var integrity = await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync();
        var stored = await db.Threats.Select(t => t.RequestId).ToListAsync();
        Assert.That(integrity, Is.EqualTo(new[] { "ok" }));
        Assert.That(stored, Is.EquivalentTo(threats));
    }
}
