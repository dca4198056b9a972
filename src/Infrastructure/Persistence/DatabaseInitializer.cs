using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InfiniteSecurity.Infrastructure.Persistence;

/// <summary>
/// Applies the versioned migrations at start-up and turns on WAL for SQLite. Instances starting together must not
/// race: on SQLite EF's own migration lock serialises them; on PostgreSQL EF's lock was seen to let two instances
/// apply the same later migration (ConcurrentStartupTests), so the whole run holds a session advisory lock. The
/// Data Protection key ring (in the database since ADR 0022) is imported and loaded under the same lock.
/// </summary>
public static class DatabaseInitializer
{
    /// <summary>Arbitrary, fixed key of the advisory lock that serialises migrations across instances.</summary>
    private const long MigrationLockKey = 0x1F5EC_0001;

    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (db.Database.IsSqlite())
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
            {
                var path = Path.GetFullPath(source);
                if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
                {
                    OwnerOnlyFiles.CreateDirectory(directory);
                }

                OwnerOnlyFiles.SecureSqliteDatabase(path);
            }

            // WAL is a property of the database file: readers never block the writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        NpgsqlConnection? lockConnection = null;
        if (db.Database.IsNpgsql())
        {
            lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
            await lockConnection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var acquire = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", lockConnection);
            await acquire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        string[] pending;
        try
        {
            pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToArray();
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await Identity.DataProtectionKeyRing.ImportFileKeysAsync(scope.ServiceProvider, db, logger, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (lockConnection is not null)
            {
                // Closing the session releases its advisory locks.
                await lockConnection.DisposeAsync().ConfigureAwait(false);
            }
        }

        logger.LogInformation("Database ready ({Provider}); applied {Count} migration(s)", db.Database.ProviderName, pending.Length);
    }
}
