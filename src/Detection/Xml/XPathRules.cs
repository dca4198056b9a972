using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Xml;

/// <summary>XPath injection rules (CWE-643, CAPEC-83).</summary>
internal static class XPathRules
{
    private const string F = ThreatCategory.XPathInjection;

    public static readonly RuleDefinition NodeProbe = new("xpath.node_probe", F, 0.96, 0.66, 0.99,
        "XPath node function used to walk the document (blind XPath probing)", 643, 83);

    public static readonly RuleDefinition PredicateBreakout = new("xpath.predicate_breakout", F, 0.92, 0.62, 0.98,
        "closes the XPath predicate and unions another location path", 643, 83);

    public static readonly RuleDefinition Axis = new("xpath.axis", F, 0.9, 0.6, 0.97,
        "XPath axis step", 643, 83);

    public static readonly RuleDefinition[] All = [NodeProbe, PredicateBreakout, Axis];
}
