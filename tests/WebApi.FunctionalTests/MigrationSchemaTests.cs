using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InfiniteSecurity.WebApi.FunctionalTests;

/// <summary>
/// The migrations are written by hand (no EF Design tooling here), so this proves the schema they produce is the
/// one the EF model expects: every table, column, nullability and index.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Test]
    public async Task Sqlite_schema_from_migrations_matches_the_ef_model()
    {
        await using var factory = new ApiFactory();
        factory.StartServer();

        var problems = await factory.QueryAsync(async db =>
        {
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var entity in db.Model.GetEntityTypes())
            {
                var table = entity.GetTableName()!;
                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                var columns = new Dictionary<string, bool>();
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.CommandText = $"SELECT name, \"notnull\" FROM pragma_table_info('{table}')";
                    await using var reader = await cmd.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        columns[reader.GetString(0)] = reader.GetInt64(1) == 0;
                    }
                }

                if (columns.Count == 0)
                {
                    found.Add($"table {table} missing");
                    continue;
                }

                foreach (var property in entity.GetProperties())
                {
                    var column = property.GetColumnName(store)!;
                    if (!columns.Remove(column, out var nullable))
                    {
                        found.Add($"{table}.{column} missing");
                    }
                    else if (nullable != property.IsColumnNullable(store))
                    {
                        found.Add($"{table}.{column} nullability {nullable} but model says {property.IsColumnNullable(store)}");
                    }
                }

                found.AddRange(columns.Keys.Select(c => $"{table}.{c} not in the model"));

                var indexes = new HashSet<string>();
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.CommandText = $"SELECT name FROM pragma_index_list('{table}')";
                    await using var reader = await cmd.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        indexes.Add(reader.GetString(0));
                    }
                }

                found.AddRange(entity.GetIndexes().Select(i => i.GetDatabaseName(store)!).Where(name => !indexes.Contains(name)).Select(name => $"index {name} missing"));
            }

            return found;
        });

        Assert.That(problems, Is.Empty);
    }
}
