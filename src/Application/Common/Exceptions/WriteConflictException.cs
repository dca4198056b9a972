namespace InfiniteSecurity.Application.Common.Exceptions;

/// <summary>
/// A save lost a race with a concurrent writer: a row it read was changed meanwhile (<see cref="StaleRow"/>), or a row
/// it inserted now exists with the same key. Re-read and retry, or give up with 409. The persistence layer raises it
/// so that use cases handle the race without depending on the ORM's exception types.
/// </summary>
public sealed class WriteConflictException(bool staleRow, Exception inner)
    : Exception(staleRow ? "A row changed concurrently." : "A row with the same key was written concurrently.", inner)
{
    public bool StaleRow { get; } = staleRow;
}
