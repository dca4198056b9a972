using System.Data.Common;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InfiniteSecurity.WebApi.FunctionalTests;

/// <summary>
/// The migrations are written by hand (no EF Design tooling here), so this proves that the schema they produce on
/// each provider is the one the EF model expects: every table, column, type, nullability and index.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class MigrationSchemaTests(DatabaseProvider provider)
{
    private sealed record Column(string Type, bool Nullable);

    [Test]
    public async Task Schema_from_migrations_matches_the_ef_model()
    {
        await using var factory = await new ApiFactory { Provider = provider }.StartAsync();

        var problems = await factory.QueryAsync(async db =>
        {
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var entity in db.Model.GetEntityTypes())
            {
                var table = entity.GetTableName()!;
                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                var columns = await ColumnsAsync(connection, table);
                if (columns.Count == 0)
                {
                    found.Add($"table {table} missing");
                    continue;
                }

                foreach (var property in entity.GetProperties())
                {
                    var name = property.GetColumnName(store)!;
                    if (!columns.Remove(name, out var column))
                    {
                        found.Add($"{table}.{name} missing");
                        continue;
                    }

                    if (column.Nullable != property.IsColumnNullable(store))
                    {
                        found.Add($"{table}.{name}: nullable {column.Nullable}, model {property.IsColumnNullable(store)}");
                    }

                    var modelType = property.GetColumnType(store).ToUpperInvariant();
                    if (column.Type != modelType)
                    {
                        found.Add($"{table}.{name}: type {column.Type}, model {modelType}");
                    }
                }

                found.AddRange(columns.Keys.Select(c => $"{table}.{c} not in the model"));
                var indexes = await IndexesAsync(connection, table);
                found.AddRange(entity.GetIndexes().Select(i => i.GetDatabaseName(store)!).Where(n => !indexes.Contains(n)).Select(n => $"index {n} missing"));
            }

            return found;
        });

        Assert.That(problems, Is.Empty);
    }

    private async Task<Dictionary<string, Column>> ColumnsAsync(DbConnection connection, string table)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? $"SELECT name, type, \"notnull\" = 0 FROM pragma_table_info('{table}')"
            : $"""
               SELECT column_name,
                      CASE WHEN character_maximum_length IS NULL THEN data_type ELSE data_type || '(' || character_maximum_length || ')' END,
                      is_nullable = 'YES'
               FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'
               """;
        var columns = new Dictionary<string, Column>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns[reader.GetString(0)] = new Column(reader.GetString(1).ToUpperInvariant(), reader.GetBoolean(2));
        }

        return columns;
    }

    private async Task<HashSet<string>> IndexesAsync(DbConnection connection, string table)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? $"SELECT name FROM pragma_index_list('{table}')"
            : $"SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = '{table}'";
        var indexes = new HashSet<string>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetString(0));
        }

        return indexes;
    }
}
