using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Code;

/// <summary>
/// Code injection into interpreters: PHP (<c>&lt;?php</c>, calls of system/eval/assert with an argument), Java
/// expression languages (OGNL <c>#_memberAccess</c>, <c>@java.lang.Runtime@getRuntime()</c>, SpEL
/// <c>T(java.lang.Runtime)</c>, EL <c>${...getClass()}</c>), Node.js (<c>require('child_process')</c>,
/// <c>process.mainModule</c>, <c>constructor.constructor</c>) and Python (<c>__import__('os')</c>, <c>os.system(</c>).
/// Calls are recognised as an identifier directly followed by '(' and an argument, not as bare words.
/// </summary>
internal sealed class CodeInjectionDetector : IThreatDetector
{
    private const string Cat = ThreatCategory.CodeInjection;

    private static readonly string[] ExecCalls =
    [
        "system", "exec", "shell_exec", "passthru", "popen", "proc_open", "pcntl_exec", "eval", "assert", "create_function",
        "call_user_func", "call_user_func_array", "preg_replace", "base64_decode", "file_get_contents", "file_put_contents",
        "phpinfo", "os.system", "os.popen", "subprocess.popen",
        "subprocess.call", "subprocess.check_output", "subprocess.run", "__import__", "execfile", "child_process.exec",
        "child_process.execsync", "execsync", "spawn", "spawnsync", "runtime.getruntime", "getruntime", "processbuilder",
        "class.forname", "pickle.loads", "marshal.loads", "process.binding", "vm.runinnewcontext", "invoke-expression", "iex",
        "print", "echo", "md5", "var_dump", "print_r", "die", "usleep", "response.write", "file_get_contents", "readfile",
        "fwrite", "file_put_contents", "include", "require_once", "include_once", "highlight_file", "show_source",
    ];

    private static readonly string[] Markers =
    [
        "<?php", "<?=", "#_memberaccess", "@java.lang.runtime@", "java.lang.runtime", "new java.lang.processbuilder", "#context[",
        "process.mainmodule.require", "process.mainmodule.constructor", "constructor.constructor", "require('child_process')", "require(\"child_process\")",
        "__import__(", "os.system(", "ognl", "#cmd=", ".getruntime().exec(", "java.lang.processbuilder", "t(java.lang.",
        "javax.script", "scriptenginemanager", "global.process", "this.constructor",
        "import os", "eval(compile(", "__builtins__", "phpinfo()", "${@", "{${", "\";system(", "';system(",
    ];

    private static readonly MultiPattern MarkerMatcher = new(Markers);

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        var view = input.Canonical;
        var s = view.Text.AsSpan();
        if (s.IndexOfAny("(<#@") < 0 && s.IndexOf("child_process", StringComparison.Ordinal) < 0)
        {
            return;
        }

        var at = MarkerMatcher.Next(s, 0, out var m);
        if (at >= 0)
        {
            {
                findings.Add(Cat, "code.interpreter_marker", m is "<?php" or "<?=" ? 0.85 : 0.92, view, at, Math.Min(s.Length - at, m.Length + 30), "construct that reaches an interpreter's code-execution API");
            }
        }

        for (var i = s.IndexOf('('); i > 0 && i < s.Length; i = NextParen(s, i))
        {
            var k = i - 1;
            while (k >= 0 && s[k] == ' ')
            {
                k--;
            }

            var end = k + 1;
            while (k >= 0 && (Scanning.IsIdentChar(s[k]) || s[k] is '.' or '-' or '\\'))
            {
                k--;
            }

            var name = s[(k + 1)..end];
            if (name.Length < 3 || !IsExecCall(name))
            {
                continue;
            }

            var args = s[(i + 1)..];
            var close = args.IndexOf(')');
            if (close <= 0 && !(name.SequenceEqual("phpinfo") && close == 0))
            {
                continue;
            }

            var inner = close < 0 ? args : args[..close];
            var stringArg = inner.Length > 0 && (inner[0] is '\'' or '"' or '$' or '`' || (inner[0] == '[' && inner.Length > 1 && inner[1] is '\'' or '"')) || name.SequenceEqual("phpinfo");

            // eval/assert of computed code (eval(String.fromCharCode(...)), assert(base64_decode(...))).
            var innerCall = end == i && inner.Length > 0 && Scanning.IsIdentChar(inner[0]) && inner.IndexOf('(') is var call and > 0 && inner[..call].IndexOf(' ') < 0;
            stringArg |= innerCall && name is "eval" or "assert" or "exec" or "system" or "print" or "echo" or "die" or "var_dump" or "print_r";

            // Output and hashing calls are harmless alone; they count as proof-of-execution probes only when they
            // follow a statement breakout (';print(md5(1));').
            var weak = name is "print" or "echo" or "md5" or "var_dump" or "print_r" or "die" or "usleep" or "response.write" or "readfile" or "include" or "require_once" or "include_once" or "fwrite";
            if (weak && !(k >= 0 && s[k] is ';' or '{' or '.' && (k == 0 || s[..k].IndexOfAny("'\";") >= 0 || s[k] == ';')))
            {
                continue;
            }
            var before = k >= 0 ? s[k] : ' ';
            var injectedPosition = k < 0 || before is ';' or '\'' or '"' or '{' or '.' or '(' or '|' or '&' or '=' or '>' or '}' or ',' or '@' or '?';
            if (!stringArg)
            {
                continue;
            }

            var afterQuoteBreakout = k >= 1 && s[k] == ';' && s[k - 1] is '\'' or '"';
            var c = afterQuoteBreakout ? 0.9 : injectedPosition ? 0.85 : 0.6;
            findings.Add(Cat, "code.exec_call", c, view, k + 1, Math.Min(s.Length - k - 1, name.Length + close + 2), "call of a code- or command-execution function with an argument");
            return;
        }
    }

    private static int NextParen(ReadOnlySpan<char> s, int i)
    {
        var next = s[(i + 1)..].IndexOf('(');
        return next < 0 ? -1 : i + 1 + next;
    }

    private static bool IsExecCall(ReadOnlySpan<char> name)
    {
        foreach (var e in ExecCalls)
        {
            if (name.SequenceEqual(e) || (name.EndsWith(e) && name.Length > e.Length && name[name.Length - e.Length - 1] is '.' or '\\' && e.Length >= 4))
            {
                return true;
            }
        }

        return false;
    }
}
