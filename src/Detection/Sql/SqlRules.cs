using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Sql;

/// <summary>
/// SQL injection rules (CWE-89, CAPEC-66). A shape that counts more after a credible breakout (a quote or paren
/// closing the application's value right after a short value) than on its own is two rules: the plain id for the
/// anchored form and <c>_bare</c> for the same shape without the breakout.
/// </summary>
internal static class SqlRules
{
    private const string F = ThreatCategory.SqlInjection;

    public static readonly RuleDefinition CommentTruncation = R("sqli.comment_truncation", 0.85,
        "quote closed and the rest of the query commented out");

    public static readonly RuleDefinition TerminatedTruncation = R("sqli.terminated_truncation", 0.75,
        "quote closed, statement terminated and the rest commented out");

    public static readonly RuleDefinition TerminatedTruncationBare = R("sqli.terminated_truncation_bare", 0.6,
        "statement terminated and the rest commented out");

    public static readonly RuleDefinition StackedQuery = R("sqli.stacked_query", 0.95,
        "statement terminator after the breakout followed by a second statement");

    public static readonly RuleDefinition StackedQueryBare = R("sqli.stacked_query_bare", 0.85,
        "statement terminator followed by a second statement");

    public static readonly RuleDefinition StatementInjection = R("sqli.statement_injection", 0.9,
        "a complete SQL statement right after the breakout");

    public static readonly RuleDefinition StatementInjectionBare = R("sqli.statement_injection_bare", 0.75,
        "a complete SQL statement where a value was expected");

    public static readonly RuleDefinition ClauseAfterBreakout = R("sqli.clause_after_breakout", 0.8,
        "quote closed and a SQL clause appended");

    public static readonly RuleDefinition DynamicExec = R("sqli.dynamic_exec", 0.9,
        "EXEC of a dynamically built SQL string after the breakout");

    public static readonly RuleDefinition DynamicExecBare = R("sqli.dynamic_exec_bare", 0.8,
        "EXEC of a dynamically built SQL string");

    public static readonly RuleDefinition UnionSelect = R("sqli.union_select", 0.95,
        "UNION SELECT appends attacker-chosen rows to the result");

    public static readonly RuleDefinition SelectInto = R("sqli.select_into", 0.85,
        "SELECT ... INTO writes query results to a variable or file");

    public static readonly RuleDefinition Subquery = R("sqli.subquery", 0.93,
        "nested SELECT injected into an expression after the breakout");

    public static readonly RuleDefinition SubqueryBare = R("sqli.subquery_bare", 0.85,
        "nested SELECT injected into an expression");

    public static readonly RuleDefinition SelectStatement = R("sqli.select_statement", 0.9,
        "a SELECT statement right after the breakout");

    public static readonly RuleDefinition SelectFromStart = R("sqli.select_from_start", 0.75,
        "the value is a SELECT ... FROM statement");

    public static readonly RuleDefinition SelectFrom = R("sqli.select_from", 0.45,
        "SELECT ... FROM inside the value");

    public static readonly RuleDefinition SelectKeyword = R("sqli.select_keyword", 0.3,
        "the value starts with SELECT and a select list");

    public static readonly RuleDefinition ProbeFunction = R("sqli.probe_function", 0.95,
        "time-, error- or file-based probing function call after the breakout");

    public static readonly RuleDefinition ProbeFunctionBare = R("sqli.probe_function_bare", 0.85,
        "time-, error- or file-based probing function call");

    public static readonly RuleDefinition ExpOverflow = R("sqli.exp_overflow", 0.9,
        "EXP(~...) overflow used for error-based extraction");

    public static readonly RuleDefinition OraclePackage = R("sqli.oracle_package", 0.9,
        "Oracle package for out-of-band or time-based probing in a condition");

    public static readonly RuleDefinition OraclePackageBare = R("sqli.oracle_package_bare", 0.75,
        "Oracle package for out-of-band or time-based probing");

    public static readonly RuleDefinition WaitforDelay = R("sqli.waitfor_delay", 0.95,
        "WAITFOR DELAY time-based probe after the breakout");

    public static readonly RuleDefinition WaitforDelayBare = R("sqli.waitfor_delay_bare", 0.9,
        "WAITFOR DELAY time-based probe");

    public static readonly RuleDefinition SystemCatalog = R("sqli.system_catalog", 0.85,
        "reference to the database's system catalogue after the breakout");

    public static readonly RuleDefinition SystemCatalogBare = R("sqli.system_catalog_bare", 0.7,
        "FROM or JOIN on the database's system catalogue");

    public static readonly RuleDefinition Conditional = R("sqli.conditional", 0.85,
        "CASE WHEN ... THEN after the breakout, used for blind inference");

    public static readonly RuleDefinition ConditionalBare = R("sqli.conditional_bare", 0.7,
        "CASE WHEN ... THEN used for blind inference");

    public static readonly RuleDefinition OrderByProbe = R("sqli.order_by_probe", 0.9,
        "ORDER BY n after the breakout, used to count the query's columns");

    public static readonly RuleDefinition OrderByProbeBare = R("sqli.order_by_probe_bare", 0.7,
        "ORDER BY n used to count the query's columns");

    public static readonly RuleDefinition ServerVariable = R("sqli.server_variable", 0.85,
        "reads a server variable such as @@version after the breakout");

    public static readonly RuleDefinition ServerVariableBare = R("sqli.server_variable_bare", 0.7,
        "reads a server variable such as @@version");

    public static readonly RuleDefinition HexEncodedStatement = R("sqli.hex_encoded_statement", 0.82,
        "hex literal that decodes to a SQL statement (dynamic SQL smuggling)");

    public static readonly RuleDefinition ExecutableComment = R("sqli.executable_comment", 0.7,
        "MySQL executable comment /*!...*/ hides SQL from filters");

    public static readonly RuleDefinition Tautology = R("sqli.tautology", 0.9,
        "comparison of a literal with itself after the breakout is always true");

    public static readonly RuleDefinition TautologyBare = R("sqli.tautology_bare", 0.72,
        "comparison of a literal with itself is always true");

    public static readonly RuleDefinition FunctionChain = R("sqli.function_chain", 0.75,
        "several SQL functions called after the breakout");

    public static readonly RuleDefinition BooleanInjection = R("sqli.boolean_injection", 0.92,
        "boolean operator right after the breakout appends an always-true or inferential condition");

    public static readonly RuleDefinition BooleanAfterApostrophe = R("sqli.boolean_after_apostrophe", 0.45,
        "boolean condition after a quote that may be an apostrophe in prose");

    public static readonly RuleDefinition BooleanContinuation = R("sqli.boolean_continuation", 0.88,
        "after the breakout a value is followed by a boolean operator and a condition");

    public static readonly RuleDefinition BooleanInference = R("sqli.boolean_inference", 0.82,
        "boolean operator appends a condition on a subquery or function (blind inference)");

    public static readonly RuleDefinition BooleanLiteralCondition = R("sqli.boolean_literal_condition", 0.78,
        "boolean operator appends a comparison of literals to a value");

    public static readonly RuleDefinition BooleanLeading = R("sqli.boolean_leading", 0.7,
        "the value starts with a boolean operator and a comparison of literals");

    public static readonly RuleDefinition BooleanLeadingWeak = R("sqli.boolean_leading_weak", 0.6,
        "the value starts with a boolean operator and a truthy literal, function or subquery");

    public static readonly RuleDefinition BooleanOpenString = R("sqli.boolean_open_string", 0.6,
        "boolean operator and a string the application's closing quote completes");

    public static readonly RuleDefinition SelfComparison = R("sqli.self_comparison", 0.75,
        "boolean operator and a comparison of an operand with itself");

    public static readonly RuleDefinition NumericCondition = R("sqli.numeric_condition", 0.8,
        "a numeric value continued by a boolean operator and a SQL condition");

    public static readonly RuleDefinition NumericClause = R("sqli.numeric_clause", 0.75,
        "a numeric value continued by a SQL clause (PROCEDURE, INTO, WHERE, HAVING)");

    public static readonly RuleDefinition OperatorBreakout = R("sqli.operator_breakout", 0.7,
        "quote closed and an arithmetic or concatenation operator continues the expression");

    public static readonly RuleDefinition TypeCast = R("sqli.type_cast", 0.85,
        "PostgreSQL :: cast of a literal to a SQL type after the breakout (error-based probing)");

    public static readonly RuleDefinition TypeCastBare = R("sqli.type_cast_bare", 0.6,
        "PostgreSQL :: cast of a literal to a SQL type");

    public static readonly RuleDefinition BreakoutProbe = R("sqli.breakout_probe", 0.6,
        "the value is a lone quote, escaped quote or string terminator: a probe for SQL error messages");

    public static readonly RuleDefinition BreakoutProbeWord = R("sqli.breakout_probe_word", 0.55,
        "the value is one word with an unmatched quote, concatenation or variable at its edge: a probe for SQL error messages");

    public static readonly RuleDefinition NumericTruth = R("sqli.numeric_truth", 0.7,
        "a numeric value continued by a boolean operator and a bare truth value (1 OR TRUE, 3 AND 3)");

    public static readonly RuleDefinition[] All =
    [
        CommentTruncation, TerminatedTruncation, TerminatedTruncationBare, StackedQuery, StackedQueryBare,
        StatementInjection, StatementInjectionBare, ClauseAfterBreakout, DynamicExec, DynamicExecBare, UnionSelect,
        SelectInto, Subquery, SubqueryBare, SelectStatement, SelectFromStart, SelectFrom, SelectKeyword, ProbeFunction,
        ProbeFunctionBare, ExpOverflow, OraclePackage, OraclePackageBare, WaitforDelay, WaitforDelayBare, SystemCatalog,
        SystemCatalogBare, Conditional, ConditionalBare, OrderByProbe, OrderByProbeBare, ServerVariable,
        ServerVariableBare, HexEncodedStatement, ExecutableComment, Tautology, TautologyBare, FunctionChain,
        BooleanInjection, BooleanAfterApostrophe, BooleanContinuation, BooleanInference, BooleanLiteralCondition,
        BooleanLeading, BooleanLeadingWeak, BooleanOpenString, SelfComparison, NumericCondition, OperatorBreakout,
        TypeCast, TypeCastBare, NumericClause, BreakoutProbe, BreakoutProbeWord, NumericTruth,
    ];

    /// <summary>
    /// Rules that are strengths of one shape (e.g. a boolean condition, anchored or bare). A view reports only the
    /// strongest rule of each shape, so that lexing one input in four quote contexts does not make a shape
    /// corroborate itself.
    /// </summary>
    public static readonly RuleDefinition[][] Shapes =
    [
        [CommentTruncation, TerminatedTruncation, TerminatedTruncationBare],
        [StackedQuery, StackedQueryBare],
        [StatementInjection, StatementInjectionBare],
        [DynamicExec, DynamicExecBare],
        [Subquery, SubqueryBare],
        [SelectStatement, SelectFromStart, SelectFrom, SelectKeyword],
        [ProbeFunction, ProbeFunctionBare, ExpOverflow, OraclePackage, OraclePackageBare, WaitforDelay, WaitforDelayBare],
        [SystemCatalog, SystemCatalogBare],
        [Conditional, ConditionalBare],
        [OrderByProbe, OrderByProbeBare],
        [ServerVariable, ServerVariableBare],
        [Tautology, TautologyBare],
        [BooleanInjection, BooleanAfterApostrophe, BooleanContinuation, BooleanInference, BooleanLiteralCondition, BooleanLeading, BooleanLeadingWeak, BooleanOpenString, SelfComparison, NumericCondition, NumericTruth],
        [OperatorBreakout], [TypeCast, TypeCastBare],
        [ClauseAfterBreakout, NumericClause], [UnionSelect], [SelectInto], [HexEncodedStatement], [ExecutableComment], [FunctionChain],
        [BreakoutProbe, BreakoutProbeWord],
    ];

    private static readonly Dictionary<string, int> ShapeById = BuildShapeIndex();

    /// <summary>Index into <see cref="Shapes"/> of the shape <paramref name="rule"/> belongs to.</summary>
    public static int ShapeOf(RuleDefinition rule) => ShapeById[rule.Id];

    private static Dictionary<string, int> BuildShapeIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < Shapes.Length; k++)
        {
            foreach (var rule in Shapes[k])
            {
                index.Add(rule.Id, k);
            }
        }

        return index;
    }

    /// <summary>Picks the anchored or the bare form of a shape.</summary>
    public static RuleDefinition Pick(bool anchored, RuleDefinition strong, RuleDefinition bare) => anchored ? strong : bare;

    private static RuleDefinition R(string id, double weight, string reason) =>
        new(id, F, weight, Math.Round(Math.Max(0, weight - 0.3), 2), Math.Min(0.99, Math.Round(weight + 0.05, 2)), reason, 89, 66);
}
