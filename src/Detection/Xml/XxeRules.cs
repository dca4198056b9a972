using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Xml;

/// <summary>XML external entity and entity expansion rules (CWE-611, CAPEC-201; billion laughs CWE-776, CAPEC-197).</summary>
internal static class XxeRules
{
    private const string F = ThreatCategory.Xxe;

    public static readonly RuleDefinition ExternalEntity = new("xxe.external_entity", F, 0.97, 0.67, 0.99,
        "entity bound to an external resource (SYSTEM/PUBLIC identifier)", 611, 201);

    public static readonly RuleDefinition ParameterEntity = new("xxe.parameter_entity", F, 0.97, 0.67, 0.99,
        "parameter entity (<!ENTITY % ...>) loads or expands DTD text, the out-of-band XXE shape", 611, 201);

    public static readonly RuleDefinition EntityExpansion = new("xxe.entity_expansion", F, 0.93, 0.63, 0.99,
        "entities defined from other entities expand exponentially (billion laughs)", 776, 197);

    public static readonly RuleDefinition EntityDeclaration = new("xxe.entity_declaration", F, 0.8, 0.5, 0.95,
        "entity declaration in user-supplied XML", 611, 201);

    public static readonly RuleDefinition ExternalDtd = new("xxe.external_dtd", F, 0.88, 0.58, 0.97,
        "DOCTYPE with an external identifier or an internal subset", 611, 201);

    public static readonly RuleDefinition XInclude = new("xxe.xinclude", F, 0.95, 0.65, 0.99,
        "XInclude pulls in an external resource", 611, 201);

    public static readonly RuleDefinition LocalResourceReference = new("xxe.local_resource_reference", F, 0.9, 0.6, 0.97,
        "an XML/SVG document links a local file or wrapper scheme (xlink:href=\"file:///...\") for the parser to fetch", 611, 201);

    public static readonly RuleDefinition EntityReference = new("xxe.entity_reference", F, 0.6, 0.3, 0.9,
        "the document uses a custom entity or parameter-entity reference that its DTD declares", 611, 201);

    public static readonly RuleDefinition[] All =
        [ExternalEntity, ParameterEntity, EntityExpansion, EntityDeclaration, ExternalDtd, XInclude, LocalResourceReference, EntityReference];
}
