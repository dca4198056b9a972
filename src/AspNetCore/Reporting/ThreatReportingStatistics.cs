using System.Diagnostics.Metrics;

namespace InfiniteSecurity.AspNetCore.Reporting;

/// <summary>
/// Counts of the reporting queue, for the app's health page or tests; also published as counters on the meter
/// <see cref="MeterName"/> (<c>threat_detection.reports.*</c>).
/// </summary>
public sealed class ThreatReportingStatistics
{
    public const string MeterName = "InfiniteSecurity.AspNetCore";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> EnqueuedCounter = Meter.CreateCounter<long>("threat_detection.reports.enqueued");
    private static readonly Counter<long> DroppedCounter = Meter.CreateCounter<long>("threat_detection.reports.dropped");
    private static readonly Counter<long> SentCounter = Meter.CreateCounter<long>("threat_detection.reports.sent");
    private static readonly Counter<long> FailedCounter = Meter.CreateCounter<long>("threat_detection.reports.failed");

    private long _enqueued;
    private long _dropped;
    private long _sent;
    private long _failed;

    /// <summary>Reports accepted into the queue.</summary>
    public long Enqueued => Interlocked.Read(ref _enqueued);

    /// <summary>Reports dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Reports the service accepted.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Reports given up after the retries (or refused by the service).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    internal void OnEnqueued() { Interlocked.Increment(ref _enqueued); EnqueuedCounter.Add(1); }

    internal void OnDropped() { Interlocked.Increment(ref _dropped); DroppedCounter.Add(1); }

    internal void OnSent() { Interlocked.Increment(ref _sent); SentCounter.Add(1); }

    internal void OnFailed() { Interlocked.Increment(ref _failed); FailedCounter.Add(1); }
}
