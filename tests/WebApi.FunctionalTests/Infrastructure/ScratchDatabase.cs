using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// An empty database of its own (a SQLite file, or a new database on a PostgreSQL server) plus a scratch folder, for
/// tests that run the service as separate processes; everything is removed on dispose.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly ThrowawayPostgres? _server;

    private ScratchDatabase(DatabaseProvider provider, string directory, string connectionString, ThrowawayPostgres? server)
    {
        Provider = provider;
        Directory = directory;
        ConnectionString = connectionString;
        _server = server;
    }

    public DatabaseProvider Provider { get; }
    public string Directory { get; }
    public string ConnectionString { get; }

    /// <param name="provider">Which database.</param>
    /// <param name="server">A PostgreSQL server of the test's own; by default the assembly's shared one.</param>
    public static async Task<ScratchDatabase> CreateAsync(DatabaseProvider provider, ThrowawayPostgres? server = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "infsec-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new ScratchDatabase(provider, directory, $"Data Source={Path.Combine(directory, "scratch.db")}", null);
        }

        server ??= await TestDatabase.PostgresAsync();
        return new ScratchDatabase(provider, directory, await server.CreateDatabaseAsync(), server);
    }

    /// <summary>A service process on this database, with its own working folder (and so its own spool).</summary>
    public ServiceProcess Service(string name = "service") => new(Provider, ConnectionString, Path.Combine(Directory, name));

    public AppDbContext Open() => TestDatabase.Open(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            try
            {
                await _server.DropDatabaseAsync(ConnectionString);
            }
            catch (Npgsql.NpgsqlException)
            {
                // The test's own server may already be gone; the cluster is deleted with it.
            }
        }

        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
