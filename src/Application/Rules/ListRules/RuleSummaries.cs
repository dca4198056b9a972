using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Rules.ListRules;

/// <summary>Catalogue data + the engine's weight in effect + stored feedback counts and last change, in one place.</summary>
internal static class RuleSummaries
{
    public static async Task<IReadOnlyList<RuleSummary>> ReadAsync(IAppDbContext db, IReadOnlyList<RuleDefinition> rules, IRuleWeights weights, CancellationToken cancellationToken)
    {
        var counts = await db.RuleFeedback.AsNoTracking().ToDictionaryAsync(r => r.RuleId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var changes = await db.RuleWeightOverrides.AsNoTracking().ToDictionaryAsync(r => r.RuleId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        return rules.Select(r =>
        {
            counts.TryGetValue(r.Id, out var tally);
            changes.TryGetValue(r.Id, out var change);
            return new RuleSummary(r.Id, r.Family, r.BaseWeight, r.Floor, r.Ceiling, weights.EffectiveWeight(r), r.Reason, r.Cwe, r.Capec,
                tally?.TruePositives ?? 0, tally?.FalsePositives ?? 0,
                change is null ? null : new RuleWeightChange(change.Weight, change.UpdatedAt, change.UpdatedBy, change.Reason));
        }).ToArray();
    }
}
