using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Code;

/// <summary>
/// Function-call grammar on the canonical (lower-case) view: reads the callee before a '(' — a name chain
/// (<c>os.system</c>, <c>\system</c>), a superglobal (<c>$_get['f']</c>), or string pieces (<c>'sys'.'tem'</c>) —
/// and the shape of the first argument, and names the rule the call deserves.
/// </summary>
internal static class CodeCallReader
{
    private enum CallKind
    {
        None,
        Shell,
        Eval,
        File,
        Probe,
        Callback,
    }

    private static readonly Dictionary<string, CallKind> Callees = Build();

    private static readonly string[] Superglobals = ["$_get", "$_post", "$_request", "$_cookie", "$_server", "$_files", "$_env"];

    public static RuleDefinition? Judge(ReadOnlySpan<char> s, int paren, out int start, out int length)
    {
        start = paren;
        length = 0;
        var k = paren - 1;
        while (k >= 0 && s[k] == ' ')
        {
            k--;
        }

        if (k < 0)
        {
            return null;
        }

        var arg = Argument(s, paren);
        if (s[k] is ']' or '\'' or '"' or ')')
        {
            return DynamicCallee(s, k, paren, arg, out start, out length);
        }

        var end = k + 1;
        while (k >= 0 && (Scanning.IsIdentChar(s[k]) || s[k] is '.' or '\\' or '-' or '>' or ':'))
        {
            k--;
        }

        var name = s[(k + 1)..end].TrimStart("\\.->:");
        k = end - name.Length - 1; // "-eval(": the operator before the name is context, not part of it
        var kind = KindOf(name);
        start = k + 1;
        length = Math.Min(s.Length - start, (paren - start) + 1 + Math.Min(80, s.Length - paren - 1));
        if (k >= 0 && s[k] == '$' && arg is ArgShape.String or ArgShape.Superglobal
            && (s.IndexOf("'.'", StringComparison.Ordinal) >= 0 || s.IndexOf("\".\"", StringComparison.Ordinal) >= 0 || s.IndexOf(".$", StringComparison.Ordinal) >= 0))
        {
            start = k;
            return CodeRules.ConcatenatedCall; // $f = 'sys'.'tem'; $f('id'): a variable function named from pieces
        }

        return kind == CallKind.None ? null : Decide(s, k, kind, name, arg);
    }

    private static RuleDefinition? Decide(ReadOnlySpan<char> s, int before, CallKind kind, ReadOnlySpan<char> name, ArgShape arg)
    {
        if (arg == ArgShape.Superglobal && kind is CallKind.Shell or CallKind.Eval)
        {
            return CodeRules.UserInputCall;
        }

        var prev = before >= 0 ? s[before] : ' ';
        var statementStart = before < 0 || prev is ';' or '{' or '}' or '?' or '>' || (prev == ' ' && StatementBoundaryBefore(s, before));
        var afterBreakout = before >= 1 && prev == ';' && s[before - 1] is '\'' or '"';
        var injected = before < 0 || prev is ';' or '\'' or '"' or '{' or '.' or '(' or '|' or '&' or '=' or '>' or '}' or ',' or '@' or '?';
        switch (kind)
        {
            case CallKind.Eval when arg != ArgShape.None && (!name.SequenceEqual("preg_replace") || s.IndexOf("/e'", StringComparison.Ordinal) >= 0 || s.IndexOf("/e\"", StringComparison.Ordinal) >= 0):
                return afterBreakout || injected ? CodeRules.EvalCall : CodeRules.ExecCallInText;
            case CallKind.Shell when arg is ArgShape.String or ArgShape.Variable or ArgShape.Backtick or ArgShape.Call:
                return afterBreakout ? CodeRules.BreakoutExecCall : injected || statementStart ? CodeRules.ExecCall : CodeRules.ExecCallInText;
            case CallKind.Callback when NamesExecFunction(s, before):
                return CodeRules.EvalCall; // array_map('system', ...), ob_start('passthru')
            case CallKind.File when arg is ArgShape.String or ArgShape.Variable or ArgShape.Call && (statementStart || injected):
                return CodeRules.PhpStatement;
            case CallKind.Probe when arg == ArgShape.Backtick:
                return CodeRules.ExecCall; // print(`id`): PHP's backtick operator runs a shell command
            case CallKind.Probe when (arg == ArgShape.Call && NestedCallIsFile(s, before)) || (name.SequenceEqual("phpinfo") && arg == ArgShape.Empty):
                return CodeRules.PhpStatement;
            case CallKind.Probe when arg != ArgShape.None && arg != ArgShape.Empty && prev is ';' or '{' && (prev == ';' || s[..before].IndexOfAny("'\";") >= 0):
                return afterBreakout ? CodeRules.BreakoutExecCall : CodeRules.ExecCall;
            default:
                return null;
        }
    }

    // A quoted argument of the call that names an execution function: the callback the function will invoke.
    private static bool NamesExecFunction(ReadOnlySpan<char> s, int before)
    {
        var open = s[(before + 1)..].IndexOf('(');
        var args = open < 0 ? [] : s[(before + 2 + open)..];
        var close = args.IndexOf(')');
        args = close < 0 ? args[..Math.Min(args.Length, 120)] : args[..close];
        for (var q = args.IndexOfAny('\'', '"'); q >= 0 && q + 1 < args.Length; q = args[(q + 1)..].IndexOfAny('\'', '"') is var n and >= 0 ? q + 1 + n : -1)
        {
            var end = args[(q + 1)..].IndexOf(args[q]);
            if (end > 0 && KindOf(args.Slice(q + 1, end)) is CallKind.Shell or CallKind.Eval)
            {
                return true;
            }

            q += end < 0 ? 0 : end + 1;
        }

        return false;
    }

    // $x = fopen(...) or "echo fputs(": a statement that starts at the value's start or after an assignment.
    private static bool StatementBoundaryBefore(ReadOnlySpan<char> s, int before)
    {
        var k = before;
        while (k >= 0 && s[k] == ' ')
        {
            k--;
        }

        return k < 0 || s[k] is ';' or '=' or '{' or '?' or '>' || (k >= 3 && s[(k - 3)..(k + 1)].SequenceEqual("echo"));
    }

    private static bool NestedCallIsFile(ReadOnlySpan<char> s, int before)
    {
        var open = s[(before + 1)..].IndexOf('(');
        if (open < 0)
        {
            return false;
        }

        var inner = before + 1 + open + 1;
        var end = inner;
        while (end < s.Length && (Scanning.IsIdentChar(s[end]) || s[end] == '.'))
        {
            end++;
        }

        return KindOf(s[inner..end]) is CallKind.File or CallKind.Shell;
    }

    // $_get['f']($_get['a']), ('sys'.'tem')('id'), 'system'('id'), "\x73ystem"(...): the callee is computed.
    private static RuleDefinition? DynamicCallee(ReadOnlySpan<char> s, int k, int paren, ArgShape arg, out int start, out int length)
    {
        start = Math.Max(0, k - 24);
        length = Math.Min(s.Length - start, paren - start + 24);
        var window = s[start..paren];
        foreach (var g in Superglobals)
        {
            if (window.IndexOf(g, StringComparison.Ordinal) >= 0 && s[k] == ']' && arg != ArgShape.None)
            {
                return CodeRules.UserInputCall;
            }
        }

        if (s[k] is '\'' or '"' or ')' && arg is ArgShape.String or ArgShape.Variable or ArgShape.Superglobal)
        {
            var concatenated = window.IndexOf("'.'", StringComparison.Ordinal) >= 0 || window.IndexOf("\".\"", StringComparison.Ordinal) >= 0
                || window.IndexOf("' . '", StringComparison.Ordinal) >= 0;
            var literal = LiteralBefore(s, k);
            if (concatenated || KindOf(literal) is CallKind.Shell or CallKind.Eval)
            {
                return CodeRules.ConcatenatedCall;
            }
        }

        return null;
    }

    private static ReadOnlySpan<char> LiteralBefore(ReadOnlySpan<char> s, int k)
    {
        if (s[k] == ')')
        {
            k--;
        }

        if (k <= 0 || s[k] is not '\'' and not '"')
        {
            return [];
        }

        var open = s[..k].LastIndexOf(s[k]);
        return open < 0 ? [] : s[(open + 1)..k];
    }

    private enum ArgShape
    {
        None,
        Empty,
        String,
        Variable,
        Superglobal,
        Backtick,
        Call,
    }

    private static ArgShape Argument(ReadOnlySpan<char> s, int paren)
    {
        var i = paren + 1;
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (i >= s.Length)
        {
            return ArgShape.None;
        }

        var rest = s[i..];
        return rest[0] switch
        {
            ')' => ArgShape.Empty,
            '\'' or '"' => ArgShape.String,
            '`' => ArgShape.Backtick,
            '$' when rest.StartsWith("$_") && IsSuperglobal(rest) => ArgShape.Superglobal,
            '$' => ArgShape.Variable,
            '[' when rest.Length > 1 && rest[1] is '\'' or '"' => ArgShape.String,
            _ when Scanning.IsIdentChar(rest[0]) && rest.IndexOf('(') is var call and > 0 && rest[..call].IndexOfAny(" ,)") < 0 => ArgShape.Call,
            _ => ArgShape.None,
        };
    }

    private static bool IsSuperglobal(ReadOnlySpan<char> rest)
    {
        foreach (var g in Superglobals)
        {
            if (rest.StartsWith(g, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static CallKind KindOf(ReadOnlySpan<char> name)
    {
        var lookup = Callees.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var kind))
        {
            return kind;
        }

        // os.system, \system, $obj->exec: the last segment of a qualified name counts for the long names.
        var dot = name.LastIndexOfAny('.', '\\', '>');
        return dot >= 0 && name.Length - dot - 1 >= 4 && lookup.TryGetValue(name[(dot + 1)..], out kind) && kind != CallKind.Probe ? kind : CallKind.None;
    }

    private static Dictionary<string, CallKind> Build()
    {
        var d = new Dictionary<string, CallKind>(StringComparer.Ordinal);
        foreach (var n in "system exec shell_exec passthru popen proc_open pcntl_exec os.system os.popen subprocess.popen subprocess.call subprocess.check_output subprocess.run child_process.exec child_process.execsync execsync spawn spawnsync runtime.getruntime getruntime processbuilder invoke-expression iex".Split(' '))
        {
            d[n] = CallKind.Shell;
        }

        foreach (var n in "eval assert create_function call_user_func call_user_func_array preg_replace __import__ execfile pickle.loads marshal.loads vm.runinnewcontext process.binding base64_decode gzinflate str_rot13".Split(' '))
        {
            d[n] = CallKind.Eval;
        }

        foreach (var n in "file_get_contents file_put_contents fopen fwrite fputs readfile highlight_file show_source chmod unlink glob scandir fsockopen move_uploaded_file".Split(' '))
        {
            d[n] = CallKind.File;
        }

        foreach (var n in "array_map array_filter array_walk usort uasort uksort ob_start register_shutdown_function iterator_apply preg_replace_callback".Split(' '))
        {
            d[n] = CallKind.Callback;
        }

        foreach (var n in "print echo md5 var_dump print_r die usleep sleep response.write phpinfo printf".Split(' '))
        {
            d[n] = CallKind.Probe;
        }

        return d;
    }
}
