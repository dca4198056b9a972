using System.Collections.Frozen;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Infrastructure.Detection;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>
/// Mirrors the machine clients that have their own quota (a handful of rows: only clients given one) every
/// <c>Auth:ClientQuotaRefreshSeconds</c> (default 2). The rate limiter asks it on every request, so the lookup is one
/// read of a frozen dictionary; while the database is unreachable the loaded quotas stay in force.
/// </summary>
internal sealed class ClientQuotaCache(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<ClientQuotaCache> logger)
    : DatabaseMirror(scopes, time, logger), IClientQuotas
{
    private volatile FrozenDictionary<string, int> _quotas = FrozenDictionary<string, int>.Empty;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Auth:ClientQuotaRefreshSeconds", 2.0), 0.1, 300));

    protected override string Describe() => $"machine-client quotas ({_quotas.Count} set)";

    public int? RequestsPerSecond(string clientId) => _quotas.TryGetValue(clientId, out var quota) ? quota : null;

    protected override async Task LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.MachineClients.AsNoTracking()
            .Where(c => c.RequestsPerSecond != null && c.RevokedAt == null)
            .Select(c => new { c.ClientId, Quota = c.RequestsPerSecond!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var loaded = _quotas;
        if (stored.Count == loaded.Count && stored.All(c => loaded.TryGetValue(c.ClientId, out var q) && q == c.Quota))
        {
            return;
        }

        _quotas = stored.ToFrozenDictionary(c => c.ClientId, c => c.Quota, StringComparer.Ordinal);
        logger.LogInformation("Machine-client quotas loaded: {Count} set", stored.Count);
    }
}
