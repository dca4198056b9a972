namespace InfiniteSecurity.Detection.Rules;

/// <summary>
/// The seam through which weights are tuned from outside the library (analyst feedback, an administrator's reset).
/// Implementations must be thread-safe and cheap: the engine asks once per finding, on the request path.
/// </summary>
public interface IRuleWeights
{
    /// <summary>The weight the engine uses for <paramref name="rule"/> now; always within its floor and ceiling.</summary>
    double EffectiveWeight(RuleDefinition rule);
}

/// <summary>Every rule at its catalogue base weight.</summary>
public sealed class CatalogueWeights : IRuleWeights
{
    public static CatalogueWeights Instance { get; } = new();

    private CatalogueWeights()
    {
    }

    public double EffectiveWeight(RuleDefinition rule) => rule.BaseWeight;
}

/// <summary>
/// Weights overridden at run time. The table is replaced as a whole (copy on write), so readers never lock and never
/// see half an update; every value is clamped into the rule's bounds on the way in.
/// </summary>
public sealed class RuleWeightOverrides : IRuleWeights
{
    private volatile IReadOnlyDictionary<string, double> _weights = new Dictionary<string, double>(StringComparer.Ordinal);
    private long _version;

    /// <summary>Changes after every <see cref="Replace"/> (after the new table is in place), so a cache of results
    /// computed with these weights can tell they are stale.</summary>
    public long Version => Interlocked.Read(ref _version);

    public double EffectiveWeight(RuleDefinition rule) =>
        _weights.TryGetValue(rule.Id, out var w) ? rule.Clamp(w) : rule.BaseWeight;

    /// <summary>Replaces every override with <paramref name="weights"/> (rule id → weight); unknown ids are ignored.</summary>
    public void Replace(IReadOnlyDictionary<string, double> weights, RuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(catalogue);
        var next = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, weight) in weights)
        {
            if (catalogue.TryGet(id, out var rule) && double.IsFinite(weight))
            {
                next[id] = rule.Clamp(weight);
            }
        }

        _weights = next;
        Interlocked.Increment(ref _version);
    }
}
