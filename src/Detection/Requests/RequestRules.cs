using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>Rules only request inspection can apply, because they depend on where a value sits in the request.</summary>
internal static class RequestRules
{
    public static readonly RuleDefinition HeaderReachableBreak = new("crlf.header_reachable_break", ThreatCategory.CrlfInjection, 0.72, 0.45, 0.95,
        "line break in a value that can reach a response header", 93, 105);

    public static readonly RuleDefinition OperatorKey = new("nosql.operator_key", ThreatCategory.NoSqlInjection, 0.85, 0.55, 0.98,
        "query operator sent as a key turns a value into a query", 943, 676);

    public static readonly RuleDefinition PrototypeKey = new("proto.prototype_key", ThreatCategory.PrototypePollution, 0.85, 0.55, 0.98,
        "key reaches the object prototype when the document is merged", 1321, 1);

    public static readonly RuleDefinition[] All = [HeaderReachableBreak, OperatorKey, PrototypeKey];

    /// <summary>A finding of <paramref name="rule"/> on the raw value, weighed by <paramref name="weights"/>.</summary>
    public static Finding Finding(RuleDefinition rule, IRuleWeights weights, string value, int start, int length) =>
        new(rule.Family, rule.Id, Math.Round(weights.EffectiveWeight(rule), 3), "raw", start, length,
            value.Substring(start, Math.Min(length, InfiniteSecurity.Detection.Finding.MaxEvidenceLength)), rule.Reason);
}
