using System.Globalization;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Rules.Common;

/// <summary>
/// Moves rule weights: feedback counts in, <see cref="FeedbackWeighting"/> out, stored as an override with who and
/// why, every change audited (old → new). Runs inside the caller's transaction; the caller saves.
/// </summary>
internal sealed class RuleTuning(IAppDbContext db, IRuleFeedbackLedger ledger, RuleCatalogue catalogue, ICallerContext caller, TimeProvider time)
{
    /// <summary>Counts a verdict (replacing <paramref name="previous"/>, if any) against each known rule and re-weights it.</summary>
    public async Task CountAsync(IEnumerable<string> ruleIds, FeedbackVerdict? previous, FeedbackVerdict verdict, Guid threatId, CancellationToken cancellationToken)
    {
        var truePositives = Delta(FeedbackVerdict.TruePositive, previous, verdict);
        var falsePositives = Delta(FeedbackVerdict.FalsePositive, previous, verdict);

        // A fixed order, so two analysts judging threats with the same rules lock them in the same order.
        foreach (var id in ruleIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!catalogue.TryGet(id, out var rule))
            {
                continue; // a rule retired since the threat was stored
            }

            var tally = await ledger.CountAsync(rule.Id, truePositives, falsePositives, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            var weight = FeedbackWeighting.Weight(rule, tally.TruePositives, tally.FalsePositives);
            var reason = string.Create(CultureInfo.InvariantCulture, $"feedback tp={tally.TruePositives} fp={tally.FalsePositives} (threat {threatId})");
            await SetAsync(rule, weight, reason, AuditEventType.RuleWeightChanged, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Back to the base weight with the counts cleared.</summary>
    public async Task ResetAsync(RuleDefinition rule, CancellationToken cancellationToken)
    {
        await ledger.ClearAsync(rule.Id, cancellationToken).ConfigureAwait(false);
        await SetAsync(rule, rule.BaseWeight, "reset to base weight, feedback counts cleared", AuditEventType.RuleWeightReset, cancellationToken).ConfigureAwait(false);
    }

    private async Task SetAsync(RuleDefinition rule, double weight, string reason, string auditType, CancellationToken cancellationToken)
    {
        var row = await db.RuleWeightOverrides.SingleOrDefaultAsync(r => r.RuleId == rule.Id, cancellationToken).ConfigureAwait(false);
        var old = row?.Weight ?? rule.BaseWeight;
        if (row is null)
        {
            row = RuleWeightOverride.Create(rule, weight, caller.UserId!, reason, time);
            db.RuleWeightOverrides.Add(row);
        }
        else
        {
            row.Change(rule, weight, caller.UserId!, reason, time);
        }

        if (row.Weight != old || auditType == AuditEventType.RuleWeightReset)
        {
            db.Audit(caller, time, auditType, AuditOutcome.Success, null,
                string.Create(CultureInfo.InvariantCulture, $"rule={rule.Id} weight={old:0.####}->{row.Weight:0.####} reason={reason}"));
        }
    }

    private static int Delta(FeedbackVerdict counted, FeedbackVerdict? previous, FeedbackVerdict verdict) =>
        (verdict == counted ? 1 : 0) - (previous == counted ? 1 : 0);
}
