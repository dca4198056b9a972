using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Detection;

/// <summary>
/// Keeps the engine's <see cref="RuleWeightOverrides"/> equal to the stored overrides. There is at most one row per
/// rule, so every few seconds all rows are read; only when they differ from what is loaded is the table swapped
/// (which also invalidates the analyzer's remembered results). While the database is unreachable the loaded weights
/// stay in force.
/// </summary>
internal sealed class RuleWeightCache(
    IServiceScopeFactory scopes,
    RuleWeightOverrides overrides,
    RuleCatalogue catalogue,
    IOptions<RuleWeightRefreshOptions> options,
    TimeProvider time,
    ILogger<RuleWeightCache> logger) : BackgroundService, ITunedRuleWeights
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private Dictionary<string, double> _loaded = new(StringComparer.Ordinal);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.RuleWeightOverrides.AsNoTracking().ToDictionaryAsync(r => r.RuleId, r => r.Weight, StringComparer.Ordinal, cancellationToken)
                .ConfigureAwait(false);
            if (stored.Count == _loaded.Count && stored.All(p => _loaded.TryGetValue(p.Key, out var w) && w.Equals(p.Value)))
            {
                return;
            }

            overrides.Replace(stored, catalogue);
            _loaded = stored;
            logger.LogInformation("Rule weights loaded: {Count} tuned", stored.Count);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Loaded before the service answers, so no request is analysed with untuned weights after a restart.
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
            logger.LogWarning(ex, "Rule weights could not be refreshed; keeping the {Count} loaded", _loaded.Count);
        }
    }

    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }
}
