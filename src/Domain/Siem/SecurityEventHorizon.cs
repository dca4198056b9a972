namespace InfiniteSecurity.Domain.Siem;

/// <summary>
/// The last stream position the retention job deleted (one row). A consumer whose cursor is before it has missed
/// events for good and must be told so (410) instead of silently skipping them.
/// </summary>
public sealed class SecurityEventHorizon
{
    public const int SingletonId = 1;

    private SecurityEventHorizon()
    {
    }

    public int Id { get; private set; }

    public long Xact { get; private set; }

    public long Position { get; private set; }

    public static SecurityEventHorizon At(long xact, long position) => new() { Id = SingletonId, Xact = xact, Position = position };

    /// <summary>Moves the horizon forward only: deleting older rows later never makes a lost cursor valid again.</summary>
    public void Advance(long xact, long position)
    {
        if (xact > Xact || (xact == Xact && position > Position))
        {
            Xact = xact;
            Position = position;
        }
    }
}
