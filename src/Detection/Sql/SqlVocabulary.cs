namespace InfiniteSecurity.Detection.Sql;

/// <summary>
/// Word classes the SQL rules reason about. These are grammar (statement keywords, functions that only make sense
/// for probing or exfiltration, catalogue tables), not payload strings.
/// </summary>
internal static class SqlVocabulary
{
    private static readonly HashSet<string> StatementStarters = Create(
        "select", "insert", "update", "delete", "drop", "create", "alter", "exec", "execute", "declare", "shutdown",
        "waitfor", "truncate", "grant", "revoke", "call", "set", "merge", "replace", "load", "handler", "copy", "begin", "if", "desc", "describe", "show", "backup", "restore");

    // Functions used for time-based, error-based, file or OS access probing. Legitimate text does not call them
    // with arguments.
    private static readonly HashSet<string> ProbeFunctions = Create(
        "sleep", "benchmark", "pg_sleep", "pg_read_file", "pg_ls_dir", "dbms_pipe.receive_message", "dbms_lock.sleep",
        "extractvalue", "updatexml", "load_file", "xp_cmdshell", "xp_dirtree", "xp_fileexist", "sp_oacreate", "randomblob", "gtid_subset",
        "get_lock", "pg_read_binary_file", "lo_import", "lo_export", "pg_sleep_for", "xp_regread", "xp_servicecontrol", "sp_executesql",
        "sp_makewebtask", "openrowset", "opendatasource", "load_extension", "dbms_xmlquery.newcontext", "sys.fn_varbintohexstr",
        "name_const", "utl_inaddr.get_host_name", "utl_inaddr.get_host_address", "utl_http.request", "dbms_xmlgen.getxml",
        "ctxsys.drithsx.sn", "sys_eval", "sys_exec", "exp", "json_keys", "geometrycollection", "multipoint", "polygon",
        "linestring", "multilinestring", "multipolygon", "regexp_substring", "generate_series", "st_latfromgeohash",
        "st_longfromgeohash", "st_pointfromgeohash", "dbms_utility.sqlid_to_sqlhash", "upper.xmltype", "xmltype",
        "convert", "cast", "iif", "elt", "make_set", "char", "chr", "concat", "concat_ws", "group_concat", "ascii",
        "substring", "substr", "mid", "ord", "hex", "unhex", "if", "ifnull", "isnull", "nullif", "coalesce", "version",
        "database", "user", "current_user", "system_user", "schema", "session_user", "db_name", "host_name", "suser_name",
        "user_name", "count", "length", "len", "rand", "floor", "repeat", "instr", "locate", "position", "string_agg",
        "listagg", "xmlagg", "to_char", "row", "lower", "upper", "unicode", "reverse", "md5", "sha1", "bin", "oct",
        "case", "cast", "trim", "replace", "left", "right", "least", "greatest", "rawtohex", "bitand", "decode", "now", "sysdate",
        "sqlite_version", "pg_sleep_for", "get_lock", "char_length", "current_database", "current_schema", "json_extract", "xmlelement");

    // Target types of PostgreSQL's :: cast.
    private static readonly HashSet<string> TypeNames = Create(
        "int", "int2", "int4", "int8", "integer", "bigint", "smallint", "numeric", "decimal", "real", "float", "text", "varchar",
        "char", "bool", "boolean", "date", "timestamp", "regclass", "oid", "bytea", "json", "jsonb", "xml", "inet", "name", "money");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Types = TypeNames.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTypeName(ReadOnlySpan<char> w) => Types.Contains(w);

    private static readonly HashSet<string> StrongProbeFunctions = Create(
        "sleep", "benchmark", "pg_sleep", "pg_read_file", "pg_ls_dir", "dbms_pipe.receive_message", "dbms_lock.sleep",
        "extractvalue", "updatexml", "load_file", "xp_cmdshell", "xp_dirtree", "xp_fileexist", "sp_oacreate", "randomblob", "gtid_subset",
        "get_lock", "pg_read_binary_file", "lo_import", "lo_export", "pg_sleep_for", "xp_regread", "xp_servicecontrol", "sp_executesql",
        "sp_makewebtask", "openrowset", "opendatasource", "load_extension", "dbms_xmlquery.newcontext",
        "name_const", "utl_inaddr.get_host_name", "utl_inaddr.get_host_address", "utl_http.request", "dbms_xmlgen.getxml",
        "ctxsys.drithsx.sn", "sys_eval", "sys_exec", "json_keys", "geometrycollection", "multipoint", "regexp_substring",
        "st_latfromgeohash", "st_longfromgeohash", "st_pointfromgeohash", "dbms_utility.sqlid_to_sqlhash", "xmltype");

    private static readonly HashSet<string> SystemObjects = Create(
        "information_schema", "information_schema.tables", "information_schema.columns", "information_schema.schemata",
        "sysobjects", "syscolumns", "sysusers", "sys.tables", "sys.objects", "sys.databases", "sys.sql_logins",
        "master..sysdatabases", "mysql.user", "mysql.db", "pg_catalog", "pg_shadow", "pg_user", "pg_database",
        "pg_tables", "sqlite_master", "sqlite_schema", "all_tables", "all_tab_columns", "user_tables", "user_tab_columns",
        "dba_users", "v$version", "sysibm.systables", "sysibm.sysdummy1", "sysibm.sysdummy", "rdb$database", "rdb$fields",
        "msysaccessobjects", "msysobjects", "dual", "systables", "syscat.tables", "sys.sysobjects", "master.dbo.sysdatabases",
        "domain.domains", "information_schema.system_users", "pg_stat_activity", "sysmaster:sysdual");

    private static readonly HashSet<string> ClauseWords = Create(
        "order", "group", "having", "where", "limit", "union", "procedure", "into", "rlike", "regexp", "like", "in",
        "collate", "as", "from", "offset", "not", "between", "is", "sounds", "then", "else", "end", "when");

    private static readonly HashSet<string> ComparisonWords = Create("like", "rlike", "regexp", "between", "is", "in", "sounds", "glob", "similar");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Starters = StatementStarters.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Probes = ProbeFunctions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StrongProbes = StrongProbeFunctions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Objects = SystemObjects.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Clauses = ClauseWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Comparisons = ComparisonWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsStatementStarter(ReadOnlySpan<char> w) => Starters.Contains(w);

    public static bool IsFunction(ReadOnlySpan<char> w) => Probes.Contains(w);

    public static bool IsProbeFunction(ReadOnlySpan<char> w) => StrongProbes.Contains(w);

    private static readonly string[] CatalogueSchemas = ["information_schema", "sysibm.", "syscat.", "sys.", "mysql.", "pg_catalog.", "master.", "master..", "msdb.", "dba_", "all_", "v$"];

    public static bool IsSystemObject(ReadOnlySpan<char> w)
    {
        if (Objects.Contains(w))
        {
            return true;
        }

        foreach (var schema in CatalogueSchemas)
        {
            if (w.StartsWith(schema, StringComparison.OrdinalIgnoreCase) && w.Length > schema.Length)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsClauseWord(ReadOnlySpan<char> w) => Clauses.Contains(w);

    /// <summary>Words that can directly follow a closing quote in SQL (so the quote was not an apostrophe in prose).</summary>
    public static bool CanFollowBreakout(ReadOnlySpan<char> w) =>
        Clauses.Contains(w) || Starters.Contains(w) || Comparisons.Contains(w) || w.Equals("div", StringComparison.OrdinalIgnoreCase)
        || w.Equals("mod", StringComparison.OrdinalIgnoreCase) || w.Equals("escape", StringComparison.OrdinalIgnoreCase)
        || w.Equals("case", StringComparison.OrdinalIgnoreCase) || w.Equals("binary", StringComparison.OrdinalIgnoreCase);

    public static bool IsComparisonWord(ReadOnlySpan<char> w) => Comparisons.Contains(w);

    private static HashSet<string> Create(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);
}
