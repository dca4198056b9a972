using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Xml;

/// <summary>Server-side include rules (CWE-97, CAPEC-101).</summary>
internal static class SsiRules
{
    public static readonly RuleDefinition Directive = new("ssi.directive", ThreatCategory.SsiInjection, 0.9, 0.6, 0.98,
        "server-side include directive with a parameter", 97, 101);

    public static readonly RuleDefinition ExecDirective = new("ssi.exec_directive", ThreatCategory.SsiInjection, 0.95, 0.7, 0.99,
        "server-side include #exec directive", 97, 101);

    public static readonly RuleDefinition ExecCommand = new("cmd.ssi_exec", ThreatCategory.CommandInjection, 0.9, 0.6, 0.98,
        "SSI #exec runs a shell command", 78, 101);

    public static readonly RuleDefinition[] All = [Directive, ExecDirective, ExecCommand];
}
