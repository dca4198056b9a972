namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

public enum WriteMode
{
    GroupCommit,
    Direct,
}
