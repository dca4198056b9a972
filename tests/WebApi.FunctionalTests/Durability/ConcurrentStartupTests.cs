using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Durability;

/// <summary>Two instances starting at once on an empty database: migrations run under a lock, both come up, the history is applied once.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class ConcurrentStartupTests(DatabaseProvider provider)
{
    [Test]
    public async Task Two_instances_starting_together_on_an_empty_database_both_start_and_migrate_once()
    {
        var directory = Path.Combine(Path.GetTempPath(), "infsec-tests", Guid.NewGuid().ToString("N"));
        ThrowawayPostgres? postgres = null;
        var connectionString = $"Data Source={Path.Combine(directory, "shared.db")}";
        if (provider == DatabaseProvider.Postgres)
        {
            postgres = await TestDatabase.PostgresAsync();
            connectionString = await postgres.CreateDatabaseAsync();
        }

        try
        {
            await using var first = new ServiceProcess(provider, connectionString, Path.Combine(directory, "a"));
            await using var second = new ServiceProcess(provider, connectionString, Path.Combine(directory, "b"));

            await Task.WhenAll(first.StartAsync(), second.StartAsync());

            await using var db = TestDatabase.Open(provider, connectionString);
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.That(applied, Is.EqualTo(db.Database.GetMigrations().ToList()));
            Assert.That(applied, Is.Unique);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DropDatabaseAsync(connectionString);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
