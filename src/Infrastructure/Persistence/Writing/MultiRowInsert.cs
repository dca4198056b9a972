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
    // PostgreSQL allows 65,535 parameters per statement. SQLite allows 32,766, but binding a parameter by name looks
    // it up with a linear scan over the statement's parameters, so binding cost grows with the square of a
    // statement's size: 256 threats in one SQLite statement took over ten times as long as SaveChanges. Statements of
    // at most 100 parameters (a few rows each) keep the scan short; on PostgreSQL one large statement is the saving.
    private const int MaxParametersPostgres = 30_000;
    private const int MaxParametersSqlite = 100;

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
        var perStatement = Math.Max(1, (db.Database.IsSqlite() ? MaxParametersSqlite : MaxParametersPostgres) / properties.Length);

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
