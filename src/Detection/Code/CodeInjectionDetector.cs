using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Code;

/// <summary>
/// Code injection into interpreters: PHP (<c>&lt;?php</c>, calls of system/eval/assert with an argument, variable
/// functions, names assembled from strings, stream-wrapper includes), Java expression languages (OGNL
/// <c>#_memberAccess</c>, <c>@java.lang.Runtime@getRuntime()</c>, SpEL <c>T(java.lang.Runtime)</c>, EL
/// <c>${''.getClass()}</c>), Java reflection chains, Node.js (<c>require('child_process')</c>,
/// <c>process.mainModule</c>), Python (<c>__import__('os')</c>) and Ruby (<c>%x()</c>, <c>Kernel.exec</c>).
/// Calls are read as function-call grammar: a name directly followed by '(' and an argument of a code-carrying shape
/// (string literal, variable, superglobal, backtick command, nested call), never as bare words.
/// </summary>
internal sealed class CodeInjectionDetector : IViewDetector
{
    private static readonly (string Needle, RuleDefinition Rule)[] MarkerTable =
    [
        ("<?php", CodeRules.PhpTag), ("<?=", CodeRules.PhpTag),
        ("#_memberaccess", CodeRules.ExpressionLanguage), ("\\43_memberaccess", CodeRules.ExpressionLanguage),
        ("@java.lang.runtime@", CodeRules.ExpressionLanguage), ("#context[", CodeRules.ExpressionLanguage),
        ("\\43context[", CodeRules.ExpressionLanguage), ("#application[", CodeRules.ExpressionLanguage),
        ("(#cmd=", CodeRules.ExpressionLanguage), ("(#_=", CodeRules.ExpressionLanguage), ("%{(#", CodeRules.ExpressionLanguage),
        ("t(java.lang.", CodeRules.ExpressionLanguage), ("''.class", CodeRules.ExpressionLanguage), ("\"\".class", CodeRules.ExpressionLanguage),
        (".getclass().forname(", CodeRules.ExpressionLanguage), ("@ognl.ognlcontext@", CodeRules.ExpressionLanguage),
        ("#request[", CodeRules.ExpressionLanguage), ("${request.getparameter", CodeRules.ExpressionLanguage),
        ("#{request.getparameter", CodeRules.ExpressionLanguage), (".getclassloader()", CodeRules.ExpressionLanguage),
        ("ognl", CodeRules.ExpressionLanguage), ("@java.", CodeRules.ExpressionLanguage), ("@javax.", CodeRules.ExpressionLanguage),
        ("${pagecontext", CodeRules.ExpressionLanguage), ("${applicationscope", CodeRules.ExpressionLanguage),
        ("${sessionscope", CodeRules.ExpressionLanguage), ("${requestscope", CodeRules.ExpressionLanguage),
        ("${initparam", CodeRules.ExpressionLanguage), (".getsession().", CodeRules.ExpressionLanguage),
        ("java.lang.runtime", CodeRules.JavaReflection), (".getruntime().exec(", CodeRules.JavaReflection),
        ("java.lang.processbuilder", CodeRules.JavaReflection), ("class.forname(", CodeRules.JavaReflection),
        ("javax.script", CodeRules.JavaReflection), ("scriptenginemanager", CodeRules.JavaReflection),
        (".getdeclaredmethod(", CodeRules.JavaReflection), ("processbuilder(", CodeRules.JavaReflection),
        ("new java.io.file(", CodeRules.JavaReflection), ("system.getproperty(", CodeRules.JavaReflection),
        ("system.getenv(", CodeRules.JavaReflection), ("getenginebyname(", CodeRules.JavaReflection),
        ("process.mainmodule.require", CodeRules.InterpreterMarker), ("process.mainmodule.constructor", CodeRules.InterpreterMarker), ("constructor.constructor", CodeRules.InterpreterMarker),
        ("require('child_process')", CodeRules.InterpreterMarker), ("require(\"child_process\")", CodeRules.InterpreterMarker),
        ("__import__(", CodeRules.InterpreterMarker), ("eval(compile(", CodeRules.InterpreterMarker),
        ("__builtins__", CodeRules.InterpreterMarker), ("global.process", CodeRules.InterpreterMarker),
        ("this.constructor", CodeRules.InterpreterMarker), ("phpinfo()", CodeRules.InterpreterMarker),
        ("${@", CodeRules.InterpreterMarker), ("{${", CodeRules.InterpreterMarker),
        ("%x(", CodeRules.RubyExec), ("kernel.exec", CodeRules.RubyExec), ("kernel.system", CodeRules.RubyExec),
        ("kernel.spawn", CodeRules.RubyExec), ("kernel.exit", CodeRules.RubyExec), ("kernel.open", CodeRules.RubyExec),
        ("kernel.eval", CodeRules.RubyExec), ("io.popen(", CodeRules.RubyExec), ("open3.", CodeRules.RubyExec),
        ("open('|", CodeRules.RubyExec), ("open(\"|", CodeRules.RubyExec),
    ];

    private static readonly MultiPattern Markers = new(MarkerTable.Select(m => m.Needle).ToArray());

    private static readonly Dictionary<string, RuleDefinition> RuleOfMarker =
        MarkerTable.ToDictionary(m => m.Needle, m => m.Rule, StringComparer.OrdinalIgnoreCase);

    public string Family => ThreatCategory.CodeInjection;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        // One pass over the canonical view (lower case, whitespace collapsed); the other views add nothing here.
        if (!ReferenceEquals(view, input.Views[^1]))
        {
            return;
        }

        var canonical = input.Canonical;
        var s = canonical.Text.AsSpan();
        if (s.IndexOfAny("(<#@%{:`") < 0 && s.IndexOf("child_process", StringComparison.Ordinal) < 0)
        {
            return;
        }

        var at = Markers.Next(s, 0, out var marker);
        if (at >= 0 && !IsOgnlWordInProse(s, at, marker) && !IsStrayRubyLiteral(s, at, marker))
        {
            // <?=`id`?>: PHP's backtick operator right in the tag runs a shell command.
            var rule = RuleOfMarker[marker] == CodeRules.PhpTag && s[at..].IndexOf('`') >= 0 ? CodeRules.BreakoutExecCall : RuleOfMarker[marker];
            findings.Add(rule, canonical, at, Math.Min(s.Length - at, marker.Length + 30));
        }

        CheckWrapperInclude(canonical, s, findings);
        CheckElProbe(canonical, s, findings);
        for (var i = s.IndexOf('('); i >= 0 && i < s.Length; i = NextParen(s, i))
        {
            var rule = CodeCallReader.Judge(s, i, out var start, out var length);
            if (rule is not null)
            {
                findings.Add(rule, canonical, start, length);
                return;
            }
        }
    }

    // "ognl" is a library name in prose; it counts next to expression syntax (%{, #, @).
    private static bool IsOgnlWordInProse(ReadOnlySpan<char> s, int at, string marker) =>
        marker == "ognl" && s.IndexOfAny("#@{") < 0;

    // %x('id') / %x(ls): a Ruby command literal starts a value or follows an operator; "%x(&" inside binary does not.
    private static bool IsStrayRubyLiteral(ReadOnlySpan<char> s, int at, string marker) =>
        marker == "%x(" && ((at > 0 && s[at - 1] is not ' ' and not '=' and not ';' and not '(' and not '{')
            || at + 3 >= s.Length || !(char.IsAsciiLetter(s[at + 3]) || s[at + 3] is '\'' or '"' or '/' or '`'));

    // include 'php://input', require("data://text/plain;base64,..."), include_once 'expect://id'.
    private static void CheckWrapperInclude(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        foreach (var keyword in (ReadOnlySpan<string>)["include", "require"])
        {
            var at = Scanning.Find(s, keyword);
            if (at < 0)
            {
                continue;
            }

            var k = at + keyword.Length;
            k += Scanning.At(s, k, "_once") ? 5 : 0;
            while (k < s.Length && s[k] is ' ' or '(' or '\'' or '"')
            {
                k++;
            }

            if (Scanning.At(s, k, "php://") || Scanning.At(s, k, "data:") || Scanning.At(s, k, "expect://") || Scanning.At(s, k, "zip://") || Scanning.At(s, k, "phar://"))
            {
                f.Add(CodeRules.WrapperInclude, view, at, Math.Min(s.Length - at, k - at + 16));
                return;
            }
        }
    }

    // ${'x'.toUpperCase()}, #{"a".concat("b")}: EL evaluating a method on a string literal, a probe for EL injection.
    private static void CheckElProbe(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var at = s.IndexOf('{'); at > 0; at = s[(at + 1)..].IndexOf('{') is var n and >= 0 ? at + 1 + n : -1)
        {
            if (s[at - 1] is not '$' and not '#' || at + 2 >= s.Length || s[at + 1] is not '\'' and not '"')
            {
                continue;
            }

            var close = s[(at + 2)..].IndexOf(s[at + 1]);
            var dot = at + 3 + close;
            if (close >= 0 && dot + 2 < s.Length && s[dot] == '.' && char.IsAsciiLetter(s[dot + 1]))
            {
                var k = dot + 1;
                while (k < s.Length && Scanning.IsIdentChar(s[k]))
                {
                    k++;
                }

                if (k < s.Length && s[k] == '(')
                {
                    f.Add(CodeRules.ElProbe, view, at - 1, Math.Min(s.Length - at + 1, k - at + 2));
                    return;
                }
            }
        }
    }

    private static int NextParen(ReadOnlySpan<char> s, int i)
    {
        var next = s[(i + 1)..].IndexOf('(');
        return next < 0 ? -1 : i + 1 + next;
    }
}
