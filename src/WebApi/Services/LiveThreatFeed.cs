using System.Threading.Channels;
using InfiniteSecurity.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.Services;

/// <summary>
/// Tells connected dashboards that a new threat was stored. One query for the newest threat id per interval per
/// instance, shared by every subscriber, so it sees the threats other instances on the same database commit too; no
/// query at all while nobody listens. A subscriber's queue holds one pending signal: a slow reader gets the latest
/// news, never a backlog.
/// </summary>
public sealed class LiveThreatFeed(IServiceScopeFactory scopes, TimeProvider time, ILogger<LiveThreatFeed> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly HashSet<Channel<Guid>> _subscribers = [];
    private Guid? _newest;
    private bool _known;

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>
    /// Adds a subscriber. When nobody was listening the newest id is read first, so that every threat stored after
    /// this call returns is signalled (the caller reloads its view once it is subscribed).
    /// </summary>
    public async Task<Subscription> SubscribeAsync(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        bool known;
        lock (_gate)
        {
            _subscribers.Add(channel);
            known = _known;
        }

        if (!known)
        {
            try
            {
                var newest = await NewestAsync(cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    if (!_known)
                    {
                        _newest = newest;
                        _known = true;
                    }
                }
            }
            catch
            {
                Remove(channel);
                throw;
            }
        }

        return new Subscription(this, channel);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (SubscriberCount == 0)
        {
            lock (_gate)
            {
                _known = false;
            }

            return;
        }

        Guid? newest;
        try
        {
            newest = await NewestAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database being away is reported by the health checks; the feed simply tries again next interval.
            logger.LogDebug(ex, "Live threat feed could not read the newest threat");
            return;
        }

        Channel<Guid>[] targets;
        lock (_gate)
        {
            var changed = _known && newest != _newest && newest is not null;
            _newest = newest;
            _known = true;
            targets = changed ? [.. _subscribers] : [];
        }

        foreach (var target in targets)
        {
            target.Writer.TryWrite(newest!.Value);
        }
    }

    private async Task<Guid?> NewestAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        return await db.Threats.AsNoTracking()
            .OrderByDescending(t => t.DetectedAt).ThenByDescending(t => t.Id)
            .Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Remove(Channel<Guid> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>One dashboard's queue of signals; disposing it unsubscribes.</summary>
    public sealed class Subscription(LiveThreatFeed feed, Channel<Guid> channel) : IDisposable
    {
        public ChannelReader<Guid> Signals => channel.Reader;

        public void Dispose() => feed.Remove(channel);
    }
}
