using System.Diagnostics;
using System.Threading.Channels;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Telemetry;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Threats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>
/// Group commit: requests put their records on a bounded queue and wait; one loop takes everything queued (up to a
/// batch size), inserts it in one transaction and then releases all the waiters. Under load a single commit
/// serves hundreds of requests, so analysis does not queue behind the database one transaction at a time.
/// When the database fails (or the circuit breaker is open after failures), the batch goes to the disk spool
/// instead and is acknowledged once flushed there; <see cref="SpoolReplayer"/> moves it to the database later.
/// </summary>
internal sealed class GroupCommitWriter : BackgroundService, ISecurityEventWriter
{
    private readonly Channel<PendingWrite> _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly DiskSpool _spool;
    private readonly PersistenceOptions _options;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly ResiliencePipeline _database;

    public GroupCommitWriter(IServiceScopeFactory scopes, DiskSpool spool, IOptions<PersistenceOptions> options, ILogger<GroupCommitWriter> logger)
    {
        _scopes = scopes;
        _spool = spool;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        ServiceTelemetry.ObserveQueueDepth(this, () => _queue.Reader.Count);

        // Polly where EF cannot: EF retries a single command; the timeout bounds how long a batch waits on a failing
        // database before it is spooled, and the breaker stops every batch paying that wait while the database is
        // known to be down.
        _database = new ResiliencePipelineBuilder()
            .AddTimeout(TimeSpan.FromMilliseconds(_options.CommitTimeoutMilliseconds))
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = TimeSpan.FromSeconds(2),
                // Only the timeout cancels a batch (no caller token reaches it), so every exception is a database failure.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(),
            })
            .Build();
    }

    public async Task<Guid?> WriteAsync(Threat? threat, AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        var stored = await Enqueue([new SpoolRecord { Threat = threat, AuditEvent = auditEvent }]).ConfigureAwait(false);
        return threat is null ? null : stored[0];
    }

    /// <summary>One queue entry for the whole batch, so its records land in the same commit (or the same spool append).</summary>
    public async Task<IReadOnlyList<Guid>> WriteManyAsync(IReadOnlyList<(Threat Threat, AuditEvent AuditEvent)> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return [];
        }

        return await Enqueue(records.Select(r => new SpoolRecord { Threat = r.Threat, AuditEvent = r.AuditEvent }).ToArray()).ConfigureAwait(false);
    }

    private Task<Guid[]> Enqueue(SpoolRecord[] records)
    {
        var pending = new PendingWrite(records);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ServiceOverloadedException("The threat log is saturated; retry shortly.", TimeSpan.FromSeconds(_options.RetryAfterSeconds));
        }

        return pending.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(_options.MaxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await DrainOnceAsync(batch).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Graceful stop: refuse new writes, then commit what was already accepted.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryPeek(out _))
            {
                await DrainOnceAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task DrainOnceAsync(List<PendingWrite> batch)
    {
        batch.Clear();
        while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        if (batch.Count > 0)
        {
            await CommitAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var window = TimeSpan.FromSeconds(_options.AggregationWindowSeconds);
        var all = batch.SelectMany(p => p.Records).ToArray();
        foreach (var threat in all.Select(r => r.Threat).OfType<Threat>())
        {
            threat.AggregateUnder(ThreatAggregationKey.For(threat, window));
        }

        // Repeats inside the batch are folded first, so the database and the spool both get one record per attack.
        var (records, foldedInto) = ThreatFolding.Fold(all);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var storedAs = await _database.ExecuteAsync(async token =>
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                return await BatchCommit.WriteAsync(db, records, token).ConfigureAwait(false);
            }, CancellationToken.None).ConfigureAwait(false);
            Measure(started, all.Length, records.Count, "database");
            Complete(batch, id => storedAs[foldedInto[id]]);
        }
        catch (Exception dbError)
        {
            if (dbError is not BrokenCircuitException)
            {
                _logger.LogWarning(dbError, "Database write of {Count} record(s) failed; spooling them to disk", records.Count);
            }

            try
            {
                await _spool.AppendAsync(records).ConfigureAwait(false);
                Measure(started, all.Length, records.Count, "spool");
                Complete(batch, id => foldedInto[id]);
            }
            catch (Exception spoolError)
            {
                _logger.LogError(spoolError, "Spooling {Count} record(s) failed; the requests are answered with an error", records.Count);
                Measure(started, all.Length, records.Count, "failed");
                Fail(batch, new AggregateException("Neither the database nor the spool accepted the write.", dbError, spoolError));
            }
        }
    }

    private static void Measure(long started, int records, int written, string target)
    {
        var tag = new KeyValuePair<string, object?>("target", target);
        ServiceTelemetry.WriterBatchSize.Record(records, tag);
        ServiceTelemetry.WriterCommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        if (records > written)
        {
            ServiceTelemetry.WriterFoldedRepeats.Add(records - written, tag);
        }
    }

    /// <summary>Releases every waiter with the stored id of each of its threats (Guid.Empty where a record has none).</summary>
    private static void Complete(List<PendingWrite> batch, Func<Guid, Guid> storedId)
    {
        foreach (var pending in batch)
        {
            pending.Completion.TrySetResult(pending.Records.Select(r => r.Threat is null ? Guid.Empty : storedId(r.Threat.Id)).ToArray());
        }
    }

    private static void Fail(List<PendingWrite> batch, Exception error)
    {
        foreach (var pending in batch)
        {
            pending.Completion.TrySetException(error);
        }
    }

    private sealed class PendingWrite(SpoolRecord[] records)
    {
        public SpoolRecord[] Records { get; } = records;
        public TaskCompletionSource<Guid[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
