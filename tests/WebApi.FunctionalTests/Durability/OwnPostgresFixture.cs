using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using static InfiniteSecurity.WebApi.FunctionalTests.Durability.CrashDurabilityTests;

namespace InfiniteSecurity.WebApi.FunctionalTests.Durability;

/// <summary>
/// A PostgreSQL server of each test's own, with one scratch database on it: stopping it for an outage must not
/// disturb the other tests' database.
/// </summary>
[NonParallelizable]
public abstract class OwnPostgresFixture
{
    protected ThrowawayPostgres Postgres { get; private set; } = null!;

    protected ScratchDatabase Database { get; private set; } = null!;

    [SetUp]
    public async Task StartOwnPostgres()
    {
        TestDatabase.RequirePostgresBinaries();
        Postgres = await ThrowawayPostgres.StartAsync();
        Database = await ScratchDatabase.CreateAsync(DatabaseProvider.Postgres, Postgres);
    }

    [TearDown]
    public async Task RemoveOwnPostgres()
    {
        await Database.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
