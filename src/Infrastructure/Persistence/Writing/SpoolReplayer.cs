using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>
/// Moves spooled writes into the database once it answers again. Ids come from the domain and rows already stored
/// are skipped, so a replay interrupted half-way (or a batch that was committed just before its connection died)
/// never duplicates anything. A file is deleted only after its contents are committed.
/// </summary>
internal sealed class SpoolReplayer(IServiceScopeFactory scopes, DiskSpool spool, IOptions<PersistenceOptions> options, ILogger<SpoolReplayer> logger)
    : BackgroundService
{
    private const int ReplayBatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.ReplayIntervalMilliseconds));
        do
        {
            try
            {
                await ReplayAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogInformation("Spool replay postponed: {Reason}", ex.GetBaseException().Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public async Task ReplayAsync(CancellationToken cancellationToken)
    {
        if (!spool.HasPending)
        {
            return;
        }

        foreach (var file in await spool.TakeForReplayAsync(cancellationToken).ConfigureAwait(false))
        {
            var records = await spool.ReadAsync(file, cancellationToken).ConfigureAwait(false);
            foreach (var chunk in records.Chunk(ReplayBatchSize))
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await SpoolRecordInserter.ReplayAsync(db, chunk, cancellationToken).ConfigureAwait(false);
            }

            spool.Complete(file);
            logger.LogInformation("Replayed {Count} spooled record(s) from {File}", records.Count, Path.GetFileName(file));
        }
    }
}
