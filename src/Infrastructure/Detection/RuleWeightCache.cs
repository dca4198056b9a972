using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    ILogger<RuleWeightCache> logger) : DatabaseMirror(scopes, time, logger), ITunedRuleWeights
{
    private Dictionary<string, double> _loaded = new(StringComparer.Ordinal);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RefreshSeconds);

    protected override string Describe() => $"rule weights ({_loaded.Count} tuned)";

    protected override async Task LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
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
}
