using System.Diagnostics;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.Infrastructure.Persistence.Writing;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using InfiniteSecurity.WebApi.FunctionalTests.Siem;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Flood;

/// <summary>
/// A rough, explicit-only comparison of the writer's two ways to store a batch: EF change tracking and SaveChanges,
/// and the multi-row statements of <see cref="BatchCommit"/>. It prints timings rather than asserting them (a shared
/// machine's timings prove nothing); it asserts only that both stored every row.
/// </summary>
[Explicit("measurement; run by hand on a quiet machine")]
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class InsertCostMeasurement(DatabaseProvider provider)
{
    [Test]
    public async Task Multi_row_statements_and_save_changes_store_the_same_batches()
    {
        await using var factory = await new ApiFactory { Provider = provider }.StartAsync();
        const int rounds = 12;
        const int batch = 256;
        var tracked = new List<double>();
        var multiRow = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            tracked.Add(await TimeAsync(factory, batch, async (db, records) =>
            {
                db.Threats.AddRange(records.Select(r => r.Threat!));
                db.AuditEvents.AddRange(records.Select(r => r.AuditEvent!));
                await db.SaveChangesAsync();
            }));
            multiRow.Add(await TimeAsync(factory, batch, (db, records) => BatchCommit.WriteAsync(db, records, CancellationToken.None)));
        }

        // The first rounds warm up connections, plans and trigger functions.
        static double Median(List<double> ms) => ms.Skip(2).Order().ElementAt((ms.Count - 2) / 2);
        TestContext.Out.WriteLine($"{provider}: {batch} threats + {batch} audit rows per batch, median of {rounds - 2}: SaveChanges {Median(tracked):0.0} ms, multi-row {Median(multiRow):0.0} ms");
        var stored = await factory.QueryAsync(db => Task.FromResult(db.Threats.Count()));
        Assert.That(stored, Is.EqualTo(2 * rounds * batch));
    }

    private static async Task<double> TimeAsync(ApiFactory factory, int count, Func<AppDbContext, IReadOnlyList<SpoolRecord>, Task> write)
    {
        var records = Enumerable.Range(0, count)
            .Select(_ => new SpoolRecord { Threat = StoredEvents.Threat(source: "192.0.2.50"), AuditEvent = StoredEvents.Audit(AuditEventType.ThreatDetected) })
            .ToList();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var watch = Stopwatch.StartNew();
        await write(db, records);
        return watch.Elapsed.TotalMilliseconds;
    }
}
