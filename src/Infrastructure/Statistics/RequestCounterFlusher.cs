using System.Collections.Concurrent;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Statistics;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Statistics;

/// <summary>
/// Counts answered analyses in memory, per UTC minute, with interlocked adds (the hot path takes no lock and does no
/// I/O), and adds the sums to <c>request_counters</c> about once a second and at shutdown. The upsert adds to the
/// stored row (<c>ON CONFLICT DO UPDATE SET n = n + excluded.n</c>), so any number of instances can share one database
/// without losing each other's counts. A failed flush puts its sums back and tries again on the next tick.
/// </summary>
internal sealed class RequestCounterFlusher(
    IServiceScopeFactory scopes,
    IOptions<StatisticsOptions> options,
    TimeProvider time,
    ILogger<RequestCounterFlusher> logger)
    : BackgroundService, IRequestCounter
{
    private readonly ConcurrentDictionary<long, MinuteCounts> _minutes = new();

    public void Count(bool threat, bool blocked)
    {
        var minute = RequestCounter.MinuteOf(time.GetUtcNow().UtcDateTime).Ticks;
        var counts = _minutes.GetOrAdd(minute, static _ => new MinuteCounts());
        counts.Add(1, threat ? 1 : 0, blocked ? 1 : 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.FlushIntervalMilliseconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushSafelyAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushSafelyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the counted sums now; returns how many minute rows it added to.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var taken = new List<(long Minute, long Requests, long Threats, long Blocked)>();
        var current = RequestCounter.MinuteOf(time.GetUtcNow().UtcDateTime).Ticks;
        foreach (var (minute, counts) in _minutes)
        {
            var (requests, threats, blocked) = counts.Take();
            if (requests > 0 || threats > 0 || blocked > 0)
            {
                taken.Add((minute, requests, threats, blocked));
            }
            else if (minute < current - (2 * TimeSpan.TicksPerMinute))
            {
                // Quiet for two minutes: no request still holds this entry, so it can go. A late add would land in a
                // fresh entry for the same minute and still be counted.
                _minutes.TryRemove(new KeyValuePair<long, MinuteCounts>(minute, counts));
            }
        }

        if (taken.Count == 0)
        {
            return 0;
        }

        var written = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var (minute, requests, threats, blocked) in taken)
            {
                var bucket = new DateTime(minute, DateTimeKind.Utc);
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO request_counters (bucket_start, requests, threats, blocked) VALUES ({bucket}, {requests}, {threats}, {blocked})
                    ON CONFLICT (bucket_start) DO UPDATE SET requests = request_counters.requests + excluded.requests,
                        threats = request_counters.threats + excluded.threats, blocked = request_counters.blocked + excluded.blocked
                    """,
                    cancellationToken).ConfigureAwait(false);
                written++;
            }
        }
        catch
        {
            // Not lost: the sums not yet written go back and the next tick retries them.
            foreach (var entry in taken.Skip(written))
            {
                _minutes.GetOrAdd(entry.Minute, static _ => new MinuteCounts()).Add(entry.Requests, entry.Threats, entry.Blocked);
            }

            throw;
        }

        return taken.Count;
    }

    private async Task FlushSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Request counters could not be written; they are kept in memory and retried");
        }
    }

    private sealed class MinuteCounts
    {
        private long _requests;
        private long _threats;
        private long _blocked;

        public void Add(long requests, long threats, long blocked)
        {
            Interlocked.Add(ref _requests, requests);
            Interlocked.Add(ref _threats, threats);
            Interlocked.Add(ref _blocked, blocked);
        }

        public (long Requests, long Threats, long Blocked) Take() =>
            (Interlocked.Exchange(ref _requests, 0), Interlocked.Exchange(ref _threats, 0), Interlocked.Exchange(ref _blocked, 0));
    }
}
