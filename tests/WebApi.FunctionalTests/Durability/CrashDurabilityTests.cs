using System.Diagnostics;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Durability;

/// <summary>A crash (SIGKILL, not a graceful stop) under load loses no threat whose answer the client received.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
[NonParallelizable]
public sealed class CrashDurabilityTests(DatabaseProvider provider)
{
    [Test]
    public async Task Every_acknowledged_threat_survives_a_sigkill_under_load()
    {
        var directory = Path.Combine(Path.GetTempPath(), "infsec-tests", Guid.NewGuid().ToString("N"));
        ThrowawayPostgres? postgres = null;
        var connectionString = $"Data Source={Path.Combine(directory, "kill.db")}";
        if (provider == DatabaseProvider.Postgres)
        {
            postgres = await TestDatabase.PostgresAsync();
            connectionString = await postgres.CreateDatabaseAsync();
        }

        try
        {
            await using var service = new ServiceProcess(provider, connectionString, directory);
            await service.StartAsync();
            using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            var load = new AttackLoad(client);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(workers: 32, stop.Token);

            var waited = Stopwatch.StartNew();
            while (load.Acknowledged.Count < 300 && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(5);
            }

            await service.KillAsync();
            await stop.CancelAsync();
            await running;
            var acknowledged = load.Acknowledged.ToHashSet();
            TestContext.Out.WriteLine($"{provider}: {acknowledged.Count} threats acknowledged before SIGKILL, {load.ConnectionErrors} requests cut off");
            Assert.That(acknowledged, Has.Count.GreaterThanOrEqualTo(300), "the load did not get going");
            Assert.That(load.ConnectionErrors, Is.Positive, "the kill should have cut requests off mid-flight");

            // Restart on the same database (and spool): recovery must bring everything acknowledged back.
            await service.StartAsync();
            await WaitForEmptySpoolAsync(service.SpoolDirectory);

            await using var db = TestDatabase.Open(provider, connectionString);
            var stored = (await db.Threats.Select(t => t.RequestId).ToListAsync()).ToHashSet();
            Assert.That(acknowledged.Except(stored), Is.Empty, "acknowledged threats missing after the crash");
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

    internal static async Task WaitForEmptySpoolAsync(string spool)
    {
        var waited = Stopwatch.StartNew();
        while (Directory.Exists(spool) && Directory.EnumerateFiles(spool, "*.jsonl").Any(f => new FileInfo(f).Length > 0))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail("the spool was not replayed within 60 s");
            }

            await Task.Delay(100);
        }
    }
}
