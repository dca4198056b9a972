using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Templates;

/// <summary>Server-side template injection rules (CWE-1336, improper neutralisation of template syntax; CAPEC-242, code injection).</summary>
internal static class TemplateRules
{
    private const string F = ThreatCategory.Ssti;
    private const int Cwe = 1336;
    private const int Capec = 242;

    public static readonly RuleDefinition ObjectWalk = new("ssti.object_walk", F, 0.97, 0.7, 0.99,
        "template expression walks the object graph toward code execution", Cwe, Capec);

    public static readonly RuleDefinition JavaObjectWalk = new("ssti.java_object_walk", F, 0.86, 0.55, 0.97,
        "EL-style template expression reaching Java classes through reflection", Cwe, Capec);

    public static readonly RuleDefinition SmartyPhpBlock = new("ssti.smarty_php_block", F, 0.93, 0.6, 0.99,
        "Smarty {php} block executes PHP", Cwe, Capec);

    public static readonly RuleDefinition ArithmeticProbe = new("ssti.arithmetic_probe", F, 0.88, 0.55, 0.97,
        "template expression evaluating arithmetic (engine fingerprinting)", Cwe, Capec);

    public static readonly RuleDefinition DirectiveArithmetic = new("ssti.directive_arithmetic", F, 0.6, 0.3, 0.85,
        "arithmetic inside a Freemarker-style directive", Cwe, Capec);

    public static readonly RuleDefinition ExpressionCall = new("ssti.expression_call", F, 0.8, 0.5, 0.95,
        "template expression calling a dangerous function, filter or import", Cwe, Capec);

    public static readonly RuleDefinition TemplateCall = new("ssti.template_call", F, 0.4, 0.1, 0.7,
        "template expression calling functions (also ordinary template text)", Cwe, Capec);

    public static readonly RuleDefinition ObjectExposure = new("ssti.object_exposure", F, 0.8, 0.5, 0.95,
        "template expression dumping framework objects", Cwe, Capec);

    public static readonly RuleDefinition TemplateStatement = new("ssti.template_statement", F, 0.75, 0.45, 0.92,
        "template statement (set, import, debug, evaluate, assign) where a value should be", Cwe, Capec);

    public static readonly RuleDefinition PolyglotProbe = new("ssti.polyglot_probe", F, 0.85, 0.55, 0.97,
        "delimiters of three or more template engines in one short value (engine-detection polyglot)", Cwe, Capec);

    public static readonly RuleDefinition DelimiterProbe = new("ssti.delimiter_probe", F, 0.6, 0.3, 0.85,
        "delimiters of two template engines in one short value", Cwe, Capec);

    public static readonly RuleDefinition LiteralProbe = new("ssti.literal_probe", F, 0.6, 0.3, 0.85,
        "template expression holding only a number or the current object (evaluation probe)", Cwe, Capec);

    public static readonly RuleDefinition[] All =
    [
        ObjectWalk, JavaObjectWalk, SmartyPhpBlock, ArithmeticProbe, DirectiveArithmetic, ExpressionCall, TemplateCall,
        ObjectExposure, TemplateStatement, PolyglotProbe, DelimiterProbe, LiteralProbe,
    ];
}
