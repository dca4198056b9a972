namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>Bound from <c>Persistence</c>.</summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    /// <summary><c>GroupCommit</c> (default): batched, one transaction per batch. <c>Direct</c>: one SaveChanges per request (benchmark baseline).</summary>
    public WriteMode WriteMode { get; set; } = WriteMode.GroupCommit;

    /// <summary>Writes waiting for a batch; beyond this the service answers 503 with Retry-After instead of growing memory.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most writes committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Longest a batch waits on the database before it is spooled instead (the answer waits for one or the other).</summary>
    public int CommitTimeoutMilliseconds { get; set; } = 1000;

    /// <summary>Where writes go durably while the database is unreachable (relative to the content root).</summary>
    public string SpoolDirectory { get; set; } = "data/spool";

    /// <summary>How often the spool is replayed into the database.</summary>
    public int ReplayIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Repeats of one attack (same source, input fingerprint and matched rules) detected within the same window of
    /// this many seconds are stored as one threat row with an occurrence count; 0 stores every detection as a row.
    /// </summary>
    public int AggregationWindowSeconds { get; set; } = 60;

    /// <summary>The Retry-After given with a 503 when the queue is full.</summary>
    public int RetryAfterSeconds { get; set; } = 1;
}
