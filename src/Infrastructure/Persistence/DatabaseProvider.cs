namespace InfiniteSecurity.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
