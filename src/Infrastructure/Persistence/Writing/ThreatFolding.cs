using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>
/// Folds the repeats inside one batch before anything is written: records whose threats share an aggregation key
/// become one record, the first of them, carrying the sum of their occurrences. The first one's audit event stays
/// (one audit row per stored threat); the others' audit events are dropped with their rows.
/// </summary>
internal static class ThreatFolding
{
    /// <returns>The records to write, and for every threat id of the input the id of the threat it was folded into.</returns>
    public static (IReadOnlyList<SpoolRecord> Records, IReadOnlyDictionary<Guid, Guid> FoldedInto) Fold(IReadOnlyList<SpoolRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var kept = new List<SpoolRecord>(records.Count);
        var byKey = new Dictionary<string, Threat>(StringComparer.Ordinal);
        var foldedInto = new Dictionary<Guid, Guid>();
        foreach (var record in records)
        {
            var threat = record.Threat;
            if (threat?.AggregationKey is { } key && byKey.TryGetValue(key, out var first))
            {
                first.Absorb(threat);
                foldedInto[threat.Id] = first.Id;
                continue;
            }

            if (threat is not null)
            {
                if (threat.AggregationKey is { } newKey)
                {
                    byKey[newKey] = threat;
                }

                foldedInto[threat.Id] = threat.Id;
            }

            kept.Add(record);
        }

        return (kept, foldedInto);
    }
}
