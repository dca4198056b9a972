using System.Data.Common;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Threats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>
/// Writes a (folded) batch in one transaction with multi-row statements. Threats with an aggregation key go through
/// <c>INSERT ... ON CONFLICT (aggregation_key) DO UPDATE</c>: a repeat of a threat already stored in this window,
/// by this instance or by another one on the same database, adds its occurrences to that row instead of inserting
/// one. The unique index makes that atomic on PostgreSQL under concurrent writers (no lost update, no second row);
/// SQLite serialises writers anyway. The same SQL runs on both providers (SQLite 3.35+ for RETURNING).
/// </summary>
internal static class BatchCommit
{
    private const string Upsert = """
        ON CONFLICT (aggregation_key) DO UPDATE SET
            occurrences = threats.occurrences + excluded.occurrences,
            first_seen = CASE WHEN excluded.first_seen < threats.first_seen THEN excluded.first_seen ELSE threats.first_seen END,
            last_seen = CASE WHEN excluded.last_seen > threats.last_seen THEN excluded.last_seen ELSE threats.last_seen END
        RETURNING id, aggregation_key
        """;

    /// <summary>
    /// Commits the records and returns, for each threat written, the id of the row that holds it: its own id when it
    /// was inserted, the earlier row's id when it was added to one. An audit event goes in with its threat when that
    /// threat became a row of its own (one audit row per stored threat); a repeat added to an existing row is
    /// recorded by that row's count and by the stream event its update triggers.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, Guid>> WriteAsync(AppDbContext db, IReadOnlyList<SpoolRecord> records, CancellationToken cancellationToken)
    {
        // Upserts lock rows in key order, so two instances writing overlapping batches cannot deadlock each other.
        var threats = records.Where(r => r.Threat is not null).Select(r => r.Threat!).OrderBy(t => t.AggregationKey, StringComparer.Ordinal).ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            var storedAs = new Dictionary<Guid, Guid>(threats.Count);
            await using var transaction = await db.Database.BeginTransactionAsync(token).ConfigureAwait(false);
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();

            var byKey = threats.Where(t => t.AggregationKey is not null).ToDictionary(t => t.AggregationKey!, t => t.Id, StringComparer.Ordinal);
            foreach (var command in MultiRowInsert.Commands(db, connection, dbTransaction, threats, Upsert))
            {
                await using (command.ConfigureAwait(false))
                {
                    await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                    while (await reader.ReadAsync(token).ConfigureAwait(false))
                    {
                        var stored = reader.GetFieldValue<Guid>(0);
                        var own = reader.IsDBNull(1) ? stored : byKey[reader.GetString(1)];
                        storedAs[own] = stored;
                    }
                }
            }

            if (storedAs.Count != threats.Count)
            {
                throw new InvalidOperationException($"The threat insert reported {storedAs.Count} row(s) for {threats.Count}.");
            }

            var audits = records
                .Where(r => r.AuditEvent is not null && (r.Threat is null || storedAs[r.Threat.Id] == r.Threat.Id))
                .Select(r => r.AuditEvent!)
                .ToList();
            await ExecuteAsync(MultiRowInsert.Commands<AuditEvent>(db, connection, dbTransaction, audits), token).ConfigureAwait(false);

            // A kept input (Threats:StoreInput=Encrypted) goes in with the row it belongs to; a repeat folded into an
            // earlier row has the same input (the fingerprint is part of the aggregation key), which that row keeps.
            var inputs = threats.Where(t => t.Input is not null && storedAs[t.Id] == t.Id).Select(t => t.Input!).ToList();
            await ExecuteAsync(MultiRowInsert.Commands<ThreatInput>(db, connection, dbTransaction, inputs), token).ConfigureAwait(false);
            await transaction.CommitAsync(token).ConfigureAwait(false);
            return (IReadOnlyDictionary<Guid, Guid>)storedAs;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(IEnumerable<DbCommand> commands, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
