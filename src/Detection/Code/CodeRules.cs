using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Code;

/// <summary>
/// Server-side code injection rules: CWE-94 (code injection) and CAPEC-242 in general, CWE-95 (eval injection) for
/// dynamically evaluated PHP/Python/Ruby strings, CWE-917 (expression language injection) for OGNL, EL and SpEL.
/// </summary>
internal static class CodeRules
{
    private const string F = ThreatCategory.CodeInjection;

    public static readonly RuleDefinition InterpreterMarker = new("code.interpreter_marker", F, 0.92, 0.6, 0.98,
        "construct that reaches an interpreter's code-execution API", 94, 242);

    public static readonly RuleDefinition PhpTag = new("code.php_tag", F, 0.85, 0.55, 0.95,
        "PHP open tag: the value is PHP source", 94, 242);

    public static readonly RuleDefinition ExpressionLanguage = new("code.expression_language", F, 0.92, 0.6, 0.98,
        "OGNL/EL/SpEL expression reaching the runtime, class loader or context (Struts, Spring, JSP)", 917, 242);

    public static readonly RuleDefinition ElProbe = new("code.el_probe", F, 0.7, 0.4, 0.9,
        "EL expression calling a method on a literal (expression-language evaluation probe)", 917, 242);

    public static readonly RuleDefinition JavaReflection = new("code.java_reflection", F, 0.9, 0.6, 0.98,
        "Java runtime, process or reflection API chain", 94, 242);

    public static readonly RuleDefinition BreakoutExecCall = new("code.breakout_exec_call", F, 0.9, 0.6, 0.98,
        "a quote and statement end, then a call of a code- or command-execution function", 94, 242);

    public static readonly RuleDefinition ExecCall = new("code.exec_call", F, 0.85, 0.55, 0.95,
        "call of a code- or command-execution function with an argument", 94, 242);

    public static readonly RuleDefinition ExecCallInText = new("code.exec_call_in_text", F, 0.45, 0.2, 0.8,
        "call of an execution function with a string argument inside other text", 94, 242);

    public static readonly RuleDefinition EvalCall = new("code.eval_call", F, 0.9, 0.6, 0.98,
        "eval-style call of computed or user-supplied code", 95, 242);

    public static readonly RuleDefinition UserInputCall = new("code.user_input_call", F, 0.92, 0.6, 0.99,
        "request superglobal used as the function or as the code of an execution call", 95, 242);

    public static readonly RuleDefinition ConcatenatedCall = new("code.concatenated_call", F, 0.88, 0.55, 0.98,
        "function name assembled from string pieces and called", 95, 242);

    public static readonly RuleDefinition WrapperInclude = new("code.wrapper_include", F, 0.9, 0.6, 0.98,
        "include/require of a PHP stream wrapper that carries code (php://input, data:, expect:)", 94, 242);

    public static readonly RuleDefinition PhpStatement = new("code.php_statement", F, 0.75, 0.45, 0.92,
        "PHP statement calling a file or process function", 94, 242);

    public static readonly RuleDefinition RubyExec = new("code.ruby_exec", F, 0.82, 0.5, 0.95,
        "Ruby process or Kernel call (%x(), Kernel.exec, IO.popen)", 94, 242);

    public static readonly RuleDefinition[] All =
    [
        InterpreterMarker, PhpTag, ExpressionLanguage, ElProbe, JavaReflection, BreakoutExecCall, ExecCall, ExecCallInText,
        EvalCall, UserInputCall, ConcatenatedCall, WrapperInclude, PhpStatement, RubyExec,
    ];
}
