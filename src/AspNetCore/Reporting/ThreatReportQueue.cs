using System.Threading.Channels;

namespace InfiniteSecurity.AspNetCore.Reporting;

/// <summary>
/// The bounded hand-over from requests to the sender. Writing never waits: when the queue is full the report is
/// dropped and counted, because a slow or unreachable service must never slow the app's requests down.
/// </summary>
internal sealed class ThreatReportQueue
{
    private readonly Channel<ThreatReport> _channel;
    private readonly ThreatReportingStatistics _statistics;

    public ThreatReportQueue(int capacity, ThreatReportingStatistics statistics)
    {
        _statistics = statistics;
        _channel = Channel.CreateBounded<ThreatReport>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse at once rather than evict an older report
            SingleReader = true,
        });
    }

    public ChannelReader<ThreatReport> Reader => _channel.Reader;

    public bool TryEnqueue(ThreatReport report)
    {
        if (_channel.Writer.TryWrite(report))
        {
            _statistics.OnEnqueued();
            return true;
        }

        _statistics.OnDropped();
        return false;
    }
}
