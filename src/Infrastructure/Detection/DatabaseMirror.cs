using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.Infrastructure.Detection;

/// <summary>
/// Detection settings that analysts change in the database and every instance must apply within seconds: loaded once
/// before the service answers, then re-read every <c>interval</c>. One refresh runs at a time; while the database is
/// unreachable the last loaded state stays in force (inspection must not stop because the database is away).
/// </summary>
internal abstract class DatabaseMirror(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    /// <summary>How often the stored state is re-read.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What is mirrored and how much of it is loaded, for the log.</summary>
    protected abstract string Describe();

    /// <summary>Reads the stored state and, where it changed, swaps it in.</summary>
    protected abstract Task LoadAsync(AppDbContext db, CancellationToken cancellationToken);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Migrations have run by now; loading before the service answers means no request meets an empty state.
        await TryRefreshAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
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
            logger.LogWarning(ex, "Could not refresh {Mirrored} from the database; keeping what is loaded", Describe());
        }
    }

    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }
}
