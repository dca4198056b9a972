using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>
/// One <c>INSERT ... VALUES (...), (...), ...</c> per chunk of rows, built from the EF model (column names, value
/// converters, provider type mappings), so the same code writes what SaveChanges would write, on SQLite and
/// PostgreSQL, without change tracking, per-row SQL generation or one statement per row.
/// </summary>
internal static class MultiRowInsert
{
    // SQLite allows 32,766 parameters per statement, PostgreSQL 65,535; stay well below both.
    private const int MaxParameters = 30_000;

    /// <summary>
    /// Builds the commands for <paramref name="rows"/>; <paramref name="suffix"/> (an ON CONFLICT or RETURNING clause)
    /// follows each statement's VALUES list.
    /// </summary>
    public static IEnumerable<DbCommand> Commands<T>(DbContext db, DbConnection connection, DbTransaction transaction, IReadOnlyList<T> rows, string? suffix = null)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties().ToArray();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var perStatement = Math.Max(1, MaxParameters / properties.Length);

        foreach (var chunk in rows.Chunk(perStatement))
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (").Append(columns).Append(") VALUES ");
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Length; c++)
                {
                    var name = "p" + n++.ToString(CultureInfo.InvariantCulture);
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, getters[c].GetClrValue(chunk[r]), properties[c].IsColumnNullable(table)));
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }

                text.Append(')');
            }

            if (suffix is not null)
            {
                text.Append(' ').Append(suffix);
            }

            command.CommandText = text.ToString();
            yield return command;
        }
    }
}
