namespace InfiniteSecurity.Domain.Siem;

/// <summary>How far a push forwarder has delivered the stream: its cursor, saved only after the receiver took the batch.</summary>
public sealed class ForwarderCursor
{
    private ForwarderCursor()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public long Xact { get; private set; }

    public long Position { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static ForwarderCursor Start(string name, DateTime now) => new() { Name = name, UpdatedAt = now };

    public void Delivered(long xact, long position, DateTime now)
    {
        Xact = xact;
        Position = position;
        UpdatedAt = now;
    }
}
