using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EngineExclusion = InfiniteSecurity.Detection.Requests.DetectionExclusion;

namespace InfiniteSecurity.Infrastructure.Detection;

/// <summary>
/// The exclusions in force, in memory. Every few seconds one cheap query reads the change stamp — the number of
/// exclusion rows and of removed ones (rows are only ever added or marked removed, so any change moves one of the
/// two) — and only when it moved are the active rows loaded and swapped in whole. Requests read the current list
/// without locks and without the database. While the database is unreachable the last loaded list stays in force.
/// </summary>
internal sealed class DetectionExclusionCache(
    IServiceScopeFactory scopes,
    IOptions<ExclusionRefreshOptions> options,
    TimeProvider time,
    ILogger<DetectionExclusionCache> logger) : BackgroundService, IDetectionExclusions
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile IReadOnlyList<EngineExclusion> _current = [];
    private (int Total, int Removed)? _stamp;

    public IReadOnlyList<EngineExclusion> Current => _current;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var total = await db.DetectionExclusions.CountAsync(cancellationToken).ConfigureAwait(false);
            var removed = await db.DetectionExclusions.CountAsync(e => e.RemovedAt != null, cancellationToken).ConfigureAwait(false);
            if (_stamp == (total, removed))
            {
                return;
            }

            var active = await db.DetectionExclusions.AsNoTracking().Where(e => e.RemovedAt == null).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            _current = active.Select(e => new EngineExclusion(e.Id.ToString(), e.PathPrefix, e.Location, e.RuleId, e.Family, e.Method, e.Host)).ToArray();
            _stamp = (total, removed);
            logger.LogInformation("Detection exclusions loaded: {Count} in force", active.Count);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Loaded before the service answers (migrations have run by now), so no request meets an empty list.
        await TryRefreshAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await TryRefreshAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database being away must not stop inspection: the last loaded exclusions stay in force.
            logger.LogWarning(ex, "Detection exclusions could not be refreshed; keeping the {Count} loaded", _current.Count);
        }
    }

    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }
}
