using System.Diagnostics;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The databases the functional tests run against. PostgreSQL is one shared throwaway server for this test assembly
/// (a fresh database per test class). Where it cannot start, the tests fail when CI=true and are reported as
/// ignored (visible, with the reason) on a developer machine, never silently skipped.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ThrowawayPostgres? _server;
    private static string? _failure;

    public static IEnumerable<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public static async Task<ThrowawayPostgres> PostgresAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is null && _failure is null)
            {
                try
                {
                    _server = await ThrowawayPostgres.StartAsync();
                }
                catch (Exception ex)
                {
                    _failure = ex.Message;
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        if (_server is not null)
        {
            return _server;
        }

        TestEnvironment.Missing($"PostgreSQL could not be started: {_failure}");
        throw new UnreachableException();
    }

    /// <summary>A context on a database the test created itself (e.g. for a service run as a separate process).</summary>
    public static AppDbContext Open(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
        }

        return new AppDbContext(options.Options);
    }

    /// <summary>Fails (CI) or ignores (developer machine) the current test when PostgreSQL binaries are missing.</summary>
    public static void RequirePostgresBinaries()
    {
        if (ThrowawayPostgres.FindBinaries(out var reason) is null)
        {
            TestEnvironment.Missing(reason);
        }
    }

    internal static async Task ShutdownAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }
}
