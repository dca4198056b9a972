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
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var service = database.Service();
        await service.StartAsync();
        using var client = await service.CreateClientAsync(TimeSpan.FromSeconds(10));
        var load = new AttackLoad(client);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 32, stop.Token);

        await WaitUntil(() => load.Acknowledged.Count >= 300, "the load to get going");
        await service.KillAsync();
        await stop.CancelAsync();
        await running;
        var acknowledged = load.Acknowledged.ToHashSet();
        TestContext.Out.WriteLine($"{provider}: {acknowledged.Count} threats acknowledged before SIGKILL, {load.ConnectionErrors} requests cut off");
        Assert.That(load.ConnectionErrors, Is.Positive, "the kill should have cut requests off mid-flight");

        // Restart on the same database (and spool): recovery must bring everything acknowledged back.
        await service.StartAsync();
        await WaitForEmptySpoolAsync(service.SpoolDirectory);

        await using var db = database.Open();
        var stored = (await db.Threats.Select(t => t.RequestId).ToListAsync()).ToHashSet();
        Assert.That(acknowledged.Except(stored), Is.Empty, "acknowledged threats missing after the crash");
    }

    internal static Task WaitForEmptySpoolAsync(string spool) => WaitUntil(
        () => !Directory.Exists(spool) || !Directory.EnumerateFiles(spool, "*.jsonl").Any(f => new FileInfo(f).Length > 0),
        "the spool to be replayed");

    internal static async Task WaitUntil(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"timed out after 60 s waiting for {what}");
            }

            await Task.Delay(20);
        }
    }
}
