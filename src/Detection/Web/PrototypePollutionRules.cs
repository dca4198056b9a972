using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Web;

/// <summary>Prototype pollution rules (CWE-1321, CAPEC-1).</summary>
internal static class PrototypePollutionRules
{
    private const string F = ThreatCategory.PrototypePollution;

    public static readonly RuleDefinition ProtoKey = new("proto.proto_key", F, 0.9, 0.6, 0.98,
        "__proto__ used as a property path writes to Object.prototype", 1321, 1);

    public static readonly RuleDefinition ConstructorPrototype = new("proto.constructor_prototype", F, 0.88, 0.58, 0.98,
        "constructor.prototype path reaches Object.prototype", 1321, 1);

    public static readonly RuleDefinition[] All = [ProtoKey, ConstructorPrototype];
}
