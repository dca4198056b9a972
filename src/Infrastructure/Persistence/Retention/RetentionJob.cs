using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Persistence.Retention;

/// <summary>
/// Deletes threats older than <see cref="RetentionOptions.Days"/> in small batches (each its own short
/// transaction, oldest first), then checkpoints SQLite's WAL so the log file does not grow without bound.
/// Audit events are not touched: the audit trail is append-only.
/// </summary>
internal sealed class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Retention run failed; it will run again in {Minutes} min", options.Value.IntervalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass; returns how many threats were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.Days);
        var total = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        while (true)
        {
            var batch = await db.Threats.Where(t => t.DetectedAt < cutoff).OrderBy(t => t.DetectedAt).Select(t => t.Id)
                .Take(options.Value.BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            total += await db.Threats.Where(t => batch.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        // Sign-in failure counts are kept for every name typed at the login form: forget the quiet ones, so names an
        // attacker invents do not pile up. A day is far past any lockout.
        var quiet = time.GetUtcNow().UtcDateTime.AddDays(-1);
        await db.SignInThrottles.Where(t => t.LastFailureAt < quiet && (t.BlockedUntil == null || t.BlockedUntil < quiet))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken).ConfigureAwait(false);
        }

        if (total > 0)
        {
            logger.LogInformation("Retention deleted {Count} threat(s) older than {Cutoff:u}", total, cutoff);
        }

        return total;
    }
}
