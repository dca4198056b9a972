using InfiniteSecurity.Domain.Siem;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Persistence.Retention;

/// <summary>
/// Deletes threats older than <see cref="RetentionOptions.Days"/> in small batches (each its own short
/// transaction, oldest first; their stored inputs go with them), stored inputs older than
/// <see cref="RetentionOptions.InputDays"/>, then checkpoints SQLite's WAL so the log file does not grow without bound.
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

    /// <summary>
    /// The SIEM stream keeps what retention keeps: its old rows go too (the audit trail itself stays). The last
    /// deleted position is remembered first, in the same transaction, so a consumer whose cursor is before it gets
    /// 410 instead of silently missing what was deleted.
    /// </summary>
    private async Task TrimSecurityEventsAsync(AppDbContext db, DateTime cutoff, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await db.SecurityEvents.Where(e => e.OccurredAt < cutoff).OrderBy(e => e.Xact).ThenBy(e => e.Position)
                .Select(e => new { e.Xact, e.Position }).Take(options.Value.BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return;
            }

            var positions = batch.Select(b => b.Position).ToList();
            var last = batch[^1];
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var horizon = await db.SecurityEventHorizons.FirstOrDefaultAsync(h => h.Id == SecurityEventHorizon.SingletonId, cancellationToken).ConfigureAwait(false);
                if (horizon is null)
                {
                    db.SecurityEventHorizons.Add(SecurityEventHorizon.At(last.Xact, last.Position));
                }
                else
                {
                    horizon.Advance(last.Xact, last.Position);
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await db.SecurityEvents.Where(e => positions.Contains(e.Position)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
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

        // Inputs of the deleted threats went with them (foreign key); a shorter input retention trims the rest.
        if (options.Value.InputDays is { } inputDays && inputDays < options.Value.Days)
        {
            var inputCutoff = time.GetUtcNow().UtcDateTime.AddDays(-inputDays);
            await db.ThreatInputs.Where(i => i.StoredAt < inputCutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await TrimSecurityEventsAsync(db, cutoff, cancellationToken).ConfigureAwait(false);

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
