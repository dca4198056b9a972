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
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var first = database.Service("a");
        await using var second = database.Service("b");

        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        await using var db = database.Open();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.That(applied, Is.EqualTo(db.Database.GetMigrations().ToList()));
        Assert.That(applied, Is.Unique);
    }
}
