using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Web;

/// <summary>NoSQL (MongoDB, CouchDB) injection rules (CWE-943, CAPEC-676).</summary>
internal static class NoSqlRules
{
    private const string F = ThreatCategory.NoSqlInjection;

    public static readonly RuleDefinition ServerSideJs = new("nosql.server_side_js", F, 0.97, 0.67, 0.99,
        "operator that runs server-side JavaScript ($where, $function, $accumulator) injected as an object key", 943, 676);

    public static readonly RuleDefinition OperatorInjection = new("nosql.operator_injection", F, 0.88, 0.58, 0.97,
        "query operator injected as an object key", 943, 676);

    public static readonly RuleDefinition JsBreakout = new("nosql.js_breakout", F, 0.8, 0.5, 0.95,
        "string breakout into a server-side JavaScript predicate", 943, 676);

    public static readonly RuleDefinition ShellApi = new("nosql.shell_api", F, 0.8, 0.5, 0.95,
        "MongoDB shell API call in input", 943, 676);

    public static readonly RuleDefinition JsTimeProbe = new("nosql.js_time_probe", F, 0.8, 0.5, 0.95,
        "JavaScript busy loop or sleep used as a time-based probe", 943, 676);

    public static readonly RuleDefinition JsSleepBreakout = new("nosql.js_sleep_breakout", F, 0.97, 0.67, 0.99,
        "string breakout into a server-side JavaScript statement that sleeps (time-based probe)", 943, 676);

    public static readonly RuleDefinition WherePredicate = new("nosql.where_predicate", F, 0.75, 0.45, 0.95,
        "the value is a $where JavaScript predicate on document fields", 943, 676);

    public static readonly RuleDefinition JsFieldBreakout = new("nosql.js_field_breakout", F, 0.95, 0.65, 0.99,
        "string breakout into a server-side JavaScript predicate that tests this.<field>", 943, 676);

    public static readonly RuleDefinition[] All = [ServerSideJs, OperatorInjection, JsBreakout, ShellApi, JsTimeProbe, JsSleepBreakout, WherePredicate, JsFieldBreakout];
}
