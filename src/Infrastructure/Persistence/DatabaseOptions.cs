namespace InfiniteSecurity.Infrastructure.Persistence;

/// <summary>Bound from <c>Database</c>. SQLite needs no configuration; PostgreSQL needs <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
