namespace InfiniteSecurity.Detection.Rules;

/// <summary>
/// Every rule the engine can report, one entry each. Families declare their rules in their own <c>*Rules</c> class
/// next to their detector; this class gathers them and checks the whole set once (unique ids, sane bounds).
/// </summary>
public sealed class RuleCatalogue
{
    private readonly Dictionary<string, RuleDefinition> _byId;

    public RuleCatalogue(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _byId = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            rule.Validate();
            if (!_byId.TryAdd(rule.Id, rule))
            {
                throw new InvalidOperationException($"Rule id '{rule.Id}' is declared twice.");
            }
        }

        Rules = _byId.Values.OrderBy(r => r.Family, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The engine's built-in rules.</summary>
    public static RuleCatalogue Default { get; } = new(BuiltInRules.All());

    /// <summary>Every rule, ordered by family then id.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    public bool TryGet(string id, out RuleDefinition rule) => _byId.TryGetValue(id, out rule!);
}
