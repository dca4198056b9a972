using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Infrastructure.Detection;

/// <summary>
/// Counts with one <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, which SQLite (3.35+) and PostgreSQL both run
/// atomically: the addition happens in the database, so two analysts (or two instances) counting the same rule at
/// once both count, and the updated row stays locked until the transaction ends.
/// </summary>
internal sealed class RuleFeedbackLedger(AppDbContext db) : IRuleFeedbackLedger
{
    public async Task<RuleTally> CountAsync(string ruleId, int truePositives, int falsePositives, DateTime at, CancellationToken cancellationToken)
    {
        // A replaced verdict subtracts; after a reset there may be nothing left to subtract from, so counts stop at zero.
        var rows = await db.Database.SqlQuery<CountRow>($"""
            INSERT INTO rule_feedback (rule_id, true_positives, false_positives, updated_at)
            VALUES ({ruleId}, {Math.Max(0, truePositives)}, {Math.Max(0, falsePositives)}, {at})
            ON CONFLICT (rule_id) DO UPDATE SET
                true_positives = CASE WHEN rule_feedback.true_positives + {truePositives} < 0 THEN 0 ELSE rule_feedback.true_positives + {truePositives} END,
                false_positives = CASE WHEN rule_feedback.false_positives + {falsePositives} < 0 THEN 0 ELSE rule_feedback.false_positives + {falsePositives} END,
                updated_at = excluded.updated_at
            RETURNING true_positives AS "TruePositives", false_positives AS "FalsePositives"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        var row = rows.Single();
        return new RuleTally(row.TruePositives, row.FalsePositives);
    }

    public Task ClearAsync(string ruleId, CancellationToken cancellationToken) =>
        db.RuleFeedback.Where(r => r.RuleId == ruleId).ExecuteDeleteAsync(cancellationToken);

    public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // PostgreSQL runs with a retrying strategy, which only allows a transaction it can replay as a whole.
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token).ConfigureAwait(false);
            var result = await work(token).ConfigureAwait(false);
            await transaction.CommitAsync(token).ConfigureAwait(false);
            return result;
        }, cancellationToken);
    }

    private sealed record CountRow(long TruePositives, long FalsePositives);
}
