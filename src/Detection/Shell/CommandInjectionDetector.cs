using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Shell;

/// <summary>
/// OS command injection, read with the argument grammar of sh/bash, cmd.exe and PowerShell. Finds the places where
/// a shell would read a command word — input start, after <c>; | || &amp; &amp;&amp;</c> or a newline, inside
/// <c>$(...)</c>, <c>&lt;(...)</c> or backticks, after a quote breakout — reads the simple command there with
/// <see cref="ShellCommandReader"/> and scores how strongly it parses as a command line: an executable-shaped word
/// (well-known name, path, variable, or any lower-case program name) followed by shell-shaped arguments (options,
/// paths, redirections, variables, wildcards, a pipe into another command). A bare name stays weak, so
/// <c>curl | wget</c> in a dependency list is benign while <c>|wget http://x/s.sh</c> is not.
/// </summary>
internal sealed class CommandInjectionDetector : IViewDetector
{
    public string Family => ThreatCategory.CommandInjection;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text.AsSpan();
        InspectStart(view, s, findings);
        ScanCommandPositions(view, s, findings);
        ShellConstructs.Scan(view, s, findings);
    }

    private static void InspectStart(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        var i = ShellTokenizer.SkipBlanks(s, 0);
        if (i >= s.Length)
        {
            return;
        }

        if (s[i] is '\'' or '"')
        {
            InspectAfterQuote(view, s, i, f);
            return;
        }

        // ^id, >out id: cmd.exe escape or a redirection before the command; separators are read by the scan.
        var k = i;
        while (k < s.Length && k - i < 8 && (s[k] is '^' or '<' or '>' || ShellTokenizer.IsSeparator(s[k]) || ShellTokenizer.IsBlank(s[k])))
        {
            k++;
        }

        if (k > i && s[..k].IndexOfAny('^', '<', '>') >= 0)
        {
            // <ping -c 1 x reads as a redirection; <set attributeName=...> and <dir> are markup.
            var line = ShellCommandReader.Read(s, k);
            var markup = k < s.Length && (char.IsAsciiLetter(s[k]) || s[k] is '/' or '!') && s[k - 1] == '<';
            if (!markup || (line.IsKnown && line.Name.AsSpan().IndexOfAnyInRange('A', 'Z') < 0 && (line.FirstArgShellish || (line.IsRecon && line.NoArgs && line.EndsCommand))))
            {
                Judge(view, line, ShellCommandPosition.LeadingOperator, i, weakSeparator: false, f);
            }
        }
        else if (k == i)
        {
            Judge(view, ShellCommandReader.Read(s, i), ShellCommandPosition.InputStart, i, weakSeparator: false, f);
        }
    }

    // '; id  or  " whoami: a quote that closes the application's string, then a command with no prose after it.
    private static void InspectAfterQuote(DecodedView view, ReadOnlySpan<char> s, int quoteAt, FindingCollector f)
    {
        var k = ShellTokenizer.SkipBlanks(s, quoteAt + 1);
        if (k >= s.Length || ShellTokenizer.IsOperatorChar(s[k]) || s[k] is '\'' or '"')
        {
            return;
        }

        var line = ShellCommandReader.Read(s, k);
        if (!line.IsKnown || line.Call)
        {
            return;
        }

        var close = s[line.Word.Start..].IndexOf(s[quoteAt]);
        if (close >= 0)
        {
            var rest = s[(line.Word.Start + close + 1)..].Trim();
            if (rest.Length > 0 && !ShellTokenizer.IsOperatorChar(rest[0]))
            {
                return; // "readlink -m" quoted inside prose
            }
        }

        // 'Python to GNU Octave --> run': a quoted sentence that starts with a command name is prose.
        if (line.Obfuscated || (line.Evidence > line.Plain && (line.Evidence > 0 || line.PipesToCommand)) || (line.IsRecon && line.NoArgs))
        {
            f.Add(line.Obfuscated ? ShellRules.ObfuscatedCommand : ShellRules.BreakoutCommand, view, quoteAt, line.End - quoteAt);
        }
    }

    private static void ScanCommandPositions(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var p = 0; p < s.Length; p++)
        {
            var c = s[p];
            if (ShellTokenizer.IsSeparator(c) && !InHtmlEntity(s, p))
            {
                p = AtSeparator(view, s, p, f) - 1;
            }
            else if (c == '`' && p + 1 < s.Length && s[p + 1] == '`')
            {
                while (p + 1 < s.Length && s[p + 1] == '`')
                {
                    p++; // ``literal`` and ``` fences are markup; an empty `` inside a word is read by the tokenizer
                }
            }
            else if (c == '`')
            {
                if (BacktickIsSubstitution(s, p))
                {
                    Judge(view, ShellCommandReader.Read(s, p + 1), ShellCommandPosition.Substitution, p, weakSeparator: false, f);
                }

                var close = s[(p + 1)..].IndexOf('`');
                p = close < 0 ? p : p + 1 + close;
            }
            else if (c is '$' or '<' or '>' && p + 2 < s.Length && s[p + 1] == '(' && s[p + 2] != '(')
            {
                Judge(view, ShellCommandReader.Read(s, p + 2), ShellCommandPosition.Substitution, p, weakSeparator: false, f);
            }
        }
    }

    // Returns the index after the separator run.
    private static int AtSeparator(DecodedView view, ReadOnlySpan<char> s, int p, FindingCollector f)
    {
        var q = p + 1;
        while (q < s.Length && ShellTokenizer.IsSeparator(s[q]) && q - p < 4)
        {
            q++;
        }

        var single = q == p + 1 && s[p] is '|' or '&';
        var position = IsBreakoutPrefix(s[..p], single) ? ShellCommandPosition.LeadingOperator : ShellCommandPosition.ChainOperator;
        var line = ShellCommandReader.Read(s, q);
        if (single && s[p] == '|' && PipesIntoInterpreter(s, p, line))
        {
            f.Add(ShellRules.PipeToShell, view, p, line.End - p);
        }

        Judge(view, line, position, p, single && s[..p].Trim().Length > 0, f);
        return q;
    }

    // &lt; &quot; &#39;: the ampersand and semicolon of an HTML character reference are not shell separators.
    private static bool InHtmlEntity(ReadOnlySpan<char> s, int p)
    {
        if (s[p] == '&')
        {
            var end = s[(p + 1)..].IndexOf(';');
            return end is > 0 and <= 8 && s.Slice(p + 1, end).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#") < 0;
        }

        if (s[p] != ';')
        {
            return false;
        }

        var amp = s[Math.Max(0, p - 9)..p].LastIndexOf('&');
        var start = Math.Max(0, p - 9) + amp + 1;
        return amp >= 0 && p > start && s[start..p].IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#") < 0;
    }

    // Markdown code spans (`tail -f` in prose) look like substitution; an injected one is glued to a value or an
    // operator, starts the input (possibly after the quote it breaks out of), or is a call's argument (print(`id`)).
    private static bool BacktickIsSubstitution(ReadOnlySpan<char> s, int p)
    {
        if (p == 0 || (p == 1 && s[0] is '\'' or '"'))
        {
            return true;
        }

        var before = s[p - 1];
        if (before == '(')
        {
            return p >= 2 && (Scanning.IsIdentChar(s[p - 2]) || s[p - 2] == '$');
        }

        return !char.IsWhiteSpace(before) && before is not '"' and not '\'';
    }

    // "FAIL||id", "a);id", "host=x|id", "8.8.8.8 && id": the text before the operator is one short token, the end
    // of the application's own value; "tcsh | csh" and "Blob & File" are ordinary lists.
    private static bool IsBreakoutPrefix(ReadOnlySpan<char> before, bool singlePipeOrAmpersand)
    {
        var prefix = before.Trim();
        if (prefix.Length == 0)
        {
            return true;
        }

        if (prefix.Length > 64 || prefix.IndexOfAny(" \t\n\r") >= 0)
        {
            return false;
        }

        var hasLetters = prefix.IndexOfAnyInRange('a', 'z') >= 0 || prefix.IndexOfAnyInRange('A', 'Z') >= 0;
        var valueShaped = prefix.IndexOfAny("=.:/'\")]") >= 0 || prefix.IndexOfAnyInRange('0', '9') >= 0;
        return prefix.Length <= 4
            ? !singlePipeOrAmpersand || !hasLetters || prefix.IndexOfAny(")'\"") >= 0
            : valueShaped;
    }

    // echo aWQ= | base64 -d | sh, curl -s http://x/s | bash, echo id|$0: a command's output run by an interpreter.
    private static bool PipesIntoInterpreter(ReadOnlySpan<char> s, int pipe, ShellCommandLine target)
    {
        if (target.Word.Text is null || !ShellVocabulary.IsInterpreter(target.Name) || target.Plain > 0)
        {
            return false;
        }

        var segment = s[..pipe].LastIndexOfAny(";&\n\r`(");
        var previousPipe = s[..pipe].LastIndexOf('|');
        var from = Math.Max(segment, previousPipe) + 1;
        while (from < pipe && s[from] is '\'' or '"' or '<' or '^' or ' ')
        {
            from++;
        }

        var left = ShellCommandReader.Read(s, from);
        return left.IsKnown && left.Args >= 1;
    }

    private static void Judge(DecodedView view, ShellCommandLine line, ShellCommandPosition position, int start, bool weakSeparator, FindingCollector f)
    {
        if (line.Kind == CommandWordKind.None || line.Call)
        {
            return;
        }

        // pass'w'd typed as a search term spells a command but runs nothing: at the input start an obfuscated word
        // needs arguments or a command that reveals something on its own.
        var obfuscated = line.Obfuscated && (position != ShellCommandPosition.InputStart || line.IsRecon || line.Evidence > 0);
        var rule = line.GlobPath && position != ShellCommandPosition.InputStart ? ShellRules.GlobPath
            : obfuscated ? ShellRules.ObfuscatedCommand
            : line.BraceForm && line.IsKnown ? ShellRules.BraceExpansion
            : position switch
            {
                ShellCommandPosition.LeadingOperator => AfterBreakout(line, weakSeparator),
                ShellCommandPosition.ChainOperator => AfterChain(line, weakSeparator),
                ShellCommandPosition.Substitution => InSubstitution(line),
                _ => AtInputStart(line),
            };
        if (rule is not null)
        {
            f.Add(rule, view, start, Math.Max(1, line.End - start));
        }
    }

    private static bool SentenceCase(string name) =>
        name.Length > 1 && char.IsAsciiLetterUpper(name[0]) && name.AsSpan(1).IndexOfAnyInRange('A', 'Z') < 0;

    private static RuleDefinition? AfterBreakout(ShellCommandLine line, bool weakSeparator) => line.Kind switch
    {
        CommandWordKind.Known when line.Evidence > 0 || line.PipesToCommand || line.IsRecon => ShellRules.BreakoutCommand,
        CommandWordKind.Known when line.NoArgs => weakSeparator ? ShellRules.ChainedName : ShellRules.BreakoutCommand,
        CommandWordKind.Known => weakSeparator ? ShellRules.ChainedName : ShellRules.BreakoutName,
        CommandWordKind.Path when (line.NoArgs && line.RunnablePath) || line.Evidence > 0 => ShellRules.BreakoutCommand,
        CommandWordKind.Variable when line.Evidence > 0 => ShellRules.BreakoutCommand,
        _ when line.Evidence >= 2 => ShellRules.ChainedInvocation,
        _ => null,
    };

    private static RuleDefinition? AfterChain(ShellCommandLine line, bool weakSeparator) => line.Kind switch
    {
        // "Work hard; sleep 8 hours": inside text the shell-shaped words must outweigh the plain ones.
        CommandWordKind.Known when line.Strength >= 3 && (line.Evidence > line.Plain || line.Evidence >= 3 || line.PipesToCommand || line.Plain == 0) => ShellRules.ChainedCommand,
        CommandWordKind.Known when line.IsRecon && line.NoArgs && line.EndsCommand && !weakSeparator => ShellRules.ChainedCommand,
        CommandWordKind.Known => ShellRules.ChainedName,
        _ when line.Evidence >= 3 => ShellRules.ChainedInvocation,
        _ => null,
    };

    private static RuleDefinition? InSubstitution(ShellCommandLine line)
    {
        // $( ) and backticks are Unix shell syntax, and Unix command names are case-sensitive: $(VER) is a make
        // variable, not the Windows ver command.
        if (line.Name.AsSpan().IndexOfAnyInRange('A', 'Z') >= 0)
        {
            return null;
        }

        return line.Kind switch
        {
            CommandWordKind.Known when line.Evidence > 0 || line.PipesToCommand || line.IsRecon => ShellRules.Substitution,
            CommandWordKind.Known => ShellRules.SubstitutionName,
            CommandWordKind.Path when (line.NoArgs && line.RunnablePath) || line.Evidence > 0 => ShellRules.Substitution,
            _ when line.Evidence >= 2 => ShellRules.Substitution,
            _ => null,
        };
    }

    // "Sleep 8 hours" starts a sentence: a capitalised first word is prose, commands are typed in lower case.
    private static RuleDefinition? AtInputStart(ShellCommandLine line) => SentenceCase(line.Name) ? null : line.Kind switch
    {
        CommandWordKind.Known when line.FirstArgShellish && line.Evidence >= 2 && line.Strength >= 4 => ShellRules.SystemCommandLine,
        CommandWordKind.Known when line.FirstArgShellish || line.Strength >= 5 => ShellRules.CommandLine,
        CommandWordKind.Known when line.IsRecon && line.NoArgs && line.ReachedEnd && line.Name.Length >= 4 && line.Name.Count('/') != 1 => ShellRules.ReconCommand,
        CommandWordKind.Path when line.Evidence >= 2 => ShellRules.CommandLine,
        _ => null,
    };
}
