using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    ILogger<DetectionExclusionCache> logger) : DatabaseMirror(scopes, time, logger), IDetectionExclusions
{
    private volatile IReadOnlyList<EngineExclusion> _current = [];
    private (int Total, int Removed)? _stamp;

    public IReadOnlyList<EngineExclusion> Current => _current;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RefreshSeconds);

    protected override string Describe() => $"detection exclusions ({_current.Count} in force)";

    protected override async Task LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
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
}
