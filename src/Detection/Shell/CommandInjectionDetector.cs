using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Shell;

/// <summary>
/// OS command injection. Finds the places where a shell would read a command word — input start, after
/// <c>; | || &amp; &amp;&amp;</c> or a newline, inside <c>$(...)</c> or backticks, after a quote breakout — reads the
/// word with <see cref="ShellTokenizer"/> and judges its arguments. A command name alone is weak evidence; a name in
/// command position with shell-shaped arguments (flags, absolute paths, drives, URLs, IPs, numbers) is strong.
/// So <c>curl | wget</c> in a dependency list stays benign while <c>|wget http://x/s.sh</c> does not.
/// </summary>
internal sealed class CommandInjectionDetector : IThreatDetector
{
    private const string Cat = ThreatCategory.CommandInjection;

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        foreach (var view in input.Views)
        {
            InspectView(view, findings);
            if (findings.Best(Cat) >= 0.9)
            {
                return;
            }
        }
    }

    private static void InspectView(DecodedView view, FindingCollector f)
    {
        var s = view.Text.AsSpan();

        // Input start, possibly after a quote that closes the application's string or leading operators.
        var i = ShellTokenizer.SkipBlanks(s, 0);
        var leading = false;
        if (i < s.Length && s[i] is '\'' or '"')
        {
            var k = ShellTokenizer.SkipBlanks(s, i + 1);
            if (k < s.Length && !ShellTokenizer.IsOperatorChar(s[k]) && s[k] is not '\'' and not '"' && FirstWordIsCommand(s, k))
            {
                i = k;
                leading = true;
            }
        }

        var ops = 0;
        while (i < s.Length && (s[i] is ';' or '|' or '&' or '\n' or '\r' or '^' or '<' or '>' or '$' || ShellTokenizer.IsBlank(s[i])) && ops < 8)
        {
            if (s[i] == '$' && i + 1 < s.Length && s[i + 1] is '(' or '{' or '\'' or '"' || s[i] == '$' && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]))
            {
                break;
            }

            leading |= !ShellTokenizer.IsBlank(s[i]) && s[i] != '$';
            i++;
            ops++;
        }

        CheckCommandAt(view, s, i, leading ? ShellCommandPosition.LeadingOperator : ShellCommandPosition.InputStart, f, quoteOnly: leading && ops == 0);

        for (var p = 0; p < s.Length; p++)
        {
            var c = s[p];
            switch (c)
            {
                case ';' or '\n' or '\r' or '|' or '&':
                    {
                        var q = p + 1;
                        while (q < s.Length && s[q] is '|' or '&' or ';' or '\n' or '\r')
                        {
                            q++;
                        }

                        var single = q == p + 1 && c is '|' or '&';
                        var position = IsShortPrefix(s, p, single) ? ShellCommandPosition.LeadingOperator : ShellCommandPosition.ChainOperator;
                        CheckCommandAt(view, s, q, position, f, pipe: c == '|' && q == p + 1, opStart: p);
                        p = q - 1;
                        break;
                    }
                case '`':
                    {
                        // Markdown code spans (`tail -f` in prose) look like backtick substitution; a substitution that
                        // injects is glued to a value or operator, or starts the input.
                        var glued = p == 0 || !char.IsWhiteSpace(s[p - 1]) && s[p - 1] is not '(' and not '"' and not '\'';
                        if (glued)
                        {
                            CheckCommandAt(view, s, p + 1, ShellCommandPosition.Substitution, f, opStart: p);
                        }

                        var close = s[(p + 1)..].IndexOf('`');
                        p = close < 0 ? p : p + 1 + close;
                        break;
                    }
                case '$' when p + 1 < s.Length && s[p + 1] == '(' && (p + 2 >= s.Length || s[p + 2] != '('):
                    CheckCommandAt(view, s, p + 2, ShellCommandPosition.Substitution, f, opStart: p);
                    break;
                case '$' when ShellTokenizer.IfsAt(s, p) > 0:
                    f.Add(Cat, "cmd.ifs_separator", 0.8, view, p, ShellTokenizer.IfsAt(s, p), "$IFS used as a space to smuggle arguments past filters");
                    break;
                case '/' when Scanning.At(s, p, "/dev/tcp/") || Scanning.At(s, p, "/dev/udp/"):
                    f.Add(Cat, "cmd.reverse_shell", 0.92, view, p, 9, "bash /dev/tcp socket, the usual reverse-shell channel");
                    break;
                case '=' when p + 2 < s.Length && s[p + 1] == '$' && s[p + 2] is '\'' or '"' or '\\':
                    CheckVariableExecution(view, s, p, f);
                    break;
            }
        }
    }

    // "FAIL||id", "a);id", "$&&dir": a few characters before the operator are typically the end of the
    // application's own argument.
    private static bool IsShortPrefix(ReadOnlySpan<char> s, int opIndex, bool singlePipeOrAmpersand)
    {
        var prefix = s[..opIndex].Trim();
        if (prefix.Length > 4 || prefix.IndexOfAny(' ', '\t') >= 0)
        {
            return false;
        }

        // "tcsh | csh", "Blob & File": a bare word before a single | or & is an ordinary list, not a breakout.
        return !singlePipeOrAmpersand || prefix.IndexOfAnyInRange('a', 'z') < 0 && prefix.IndexOfAnyInRange('A', 'Z') < 0 || prefix.IndexOfAny(")'\"") >= 0;
    }

    private static bool FirstWordIsCommand(ReadOnlySpan<char> s, int i) =>
        ShellTokenizer.TryReadWord(s, ref i, out var w) && ShellVocabulary.IsCommand(w.Text);

    private static void CheckVariableExecution(DecodedView view, ReadOnlySpan<char> s, int eq, FindingCollector f)
    {
        var nameStart = eq;
        while (nameStart > 0 && Scanning.IsIdentChar(s[nameStart - 1]))
        {
            nameStart--;
        }

        if (nameStart == eq)
        {
            return;
        }

        var name = s[nameStart..eq];
        for (var k = eq; k + name.Length < s.Length; k++)
        {
            if (s[k] == '$' && s.Slice(k + 1, name.Length).SequenceEqual(name) && k > 0 && s[k - 1] is ';' or '&' or '|' or '\n' or ' ')
            {
                f.Add(Cat, "cmd.variable_execution", 0.88, view, nameStart, k + name.Length + 1 - nameStart, "a command stored in a shell variable and then executed");
                return;
            }
        }
    }

    private static void CheckCommandAt(DecodedView view, ReadOnlySpan<char> s, int i, ShellCommandPosition position, FindingCollector f, bool pipe = false, int opStart = -1, bool quoteOnly = false)
    {
        var k = ShellTokenizer.SkipBlanks(s, i);
        if (k < s.Length && s[k] == '{')
        {
            k++; // brace group or expansion: {cat,/etc/passwd}
        }

        if (!ShellTokenizer.TryReadWord(s, ref k, out var word))
        {
            return;
        }

        var text = word.Text;
        var braceArgs = false;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && word.Start > 0 && s[word.Start - 1] == '{')
        {
            text = text[..comma];
            braceArgs = true;
        }

        if (!ShellVocabulary.IsCommand(text))
        {
            return;
        }

        // $( ) and backticks are Unix shell syntax, and Unix command names are case-sensitive: $(VER) is a make
        // variable, not the Windows ver command.
        if (position == ShellCommandPosition.Substitution && text.Any(char.IsAsciiLetterUpper))
        {
            return;
        }

        var afterWord = ShellTokenizer.SkipBlanks(s, word.End);
        if (afterWord < s.Length && s[afterWord] == '(')
        {
            return; // name( is a function call in some language, a syntax error for the shell
        }

        var recon = ShellVocabulary.IsRecon(text);
        var args = 0;
        var shellish = braceArgs;
        var plain = 0;
        var firstShellish = false;
        var end = word.End;
        var stem = ShellVocabulary.StripPathAndExtension(text).ToString().ToLowerInvariant();
        while (args < 6)
        {
            var before = k;
            if (!ShellTokenizer.TryReadWord(s, ref k, out var arg))
            {
                var at = ShellTokenizer.SkipBlanks(s, before);
                if (at < s.Length && s[at] is '>' or '<' && !(s[at] == '<' && at + 1 < s.Length && s[at + 1] == '/'))
                {
                    var target = ShellTokenizer.SkipBlanks(s, at + 1 < s.Length && s[at + 1] is '>' or '&' ? at + 2 : at + 1);
                    shellish |= target < s.Length && s[target] is '/' or '&' or '~' or '.' or '$' or '\\';
                }
                else if (at < s.Length && s[at] is '|' or ';' or '&' or '`' or '\n' or '\r')
                {
                    shellish |= args > 0 && args > plain;
                }

                break;
            }

            args++;
            end = arg.End;
            firstShellish |= args == 1 && IsShellishArgument(arg.Text, stem, args);
            if (IsShellishArgument(arg.Text, stem, args))
            {
                shellish = true;
            }
            else
            {
                plain++;
            }
        }

        var noArgs = args == 0;
        var reachedEnd = ShellTokenizer.SkipBlanks(s, end) >= s.Length;
        double confidence = position switch
        {
            ShellCommandPosition.LeadingOperator => shellish || recon || noArgs ? 0.9 : 0.55,
            ShellCommandPosition.Substitution => shellish || recon ? 0.88 : noArgs ? 0.35 : 0.6,
            ShellCommandPosition.ChainOperator => shellish || (recon && (noArgs || reachedEnd) && !pipe) ? 0.82 : 0.4,
            _ => firstShellish ? 0.62 : recon && noArgs && text.Length >= 4 && reachedEnd ? 0.55 : 0,
        };

        // "readlink -m". Closes: #1 quotes a command inside prose; a breakout leaves no prose after the quote.
        if (quoteOnly && word.Start > 0)
        {
            var quote = s[ShellTokenizer.SkipBlanks(s, 0)];
            var close = s[word.Start..].IndexOf(quote);
            if (close >= 0)
            {
                var rest = s[(word.Start + close + 1)..].Trim();
                if (rest.Length > 0 && !ShellTokenizer.IsOperatorChar(rest[0]))
                {
                    return;
                }
            }
        }

        if (quoteOnly && !(shellish || (recon && noArgs)))
        {
            // A leading quote alone ("Python package for ...") is not a breakout unless a real command line follows.
            return;
        }

        if (confidence <= 0)
        {
            return;
        }

        var start = opStart >= 0 ? opStart : word.Start;
        var rule = position switch
        {
            ShellCommandPosition.Substitution => "cmd.substitution",
            ShellCommandPosition.InputStart => "cmd.command_line",
            _ => "cmd.chained_command",
        };
        var reason = position switch
        {
            ShellCommandPosition.Substitution => "command substitution runs a command inside the argument",
            ShellCommandPosition.InputStart => "the input is a shell command line with shell-shaped arguments",
            _ => "shell operator followed by a command",
        };
        f.Add(Cat, rule, confidence, view, start, end - start, reason);
    }

    private static bool IsShellishArgument(string a, string command, int position)
    {
        if (a.Length == 0)
        {
            return false;
        }

        var c0 = a[0];
        if ((c0 == '-' && a.Length >= 2 && char.IsAsciiLetterOrDigit(a[1])) || c0 is '$' or '*' or '~' or '%' or '@')
        {
            return true;
        }

        if (c0 == '/' && a.Length >= 2 && a[1] != ' ')
        {
            return true;
        }

        if (a.StartsWith("./", StringComparison.Ordinal) || a.StartsWith("../", StringComparison.Ordinal) || a.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        if (a.Length >= 2 && char.IsAsciiLetter(c0) && a[1] == ':' && (a.Length == 2 || a[2] is '\\' or '/'))
        {
            return true;
        }

        if (a.All(ch => char.IsAsciiDigit(ch) || ch == '.') && command is "sleep" or "ping" or "timeout" or "nc" or "ncat" or "netcat" or "telnet" or "head" or "tail" or "kill")
        {
            return true;
        }

        if (IsIpAddress(a))
        {
            return true;
        }

        if (command is "net" or "net1" && a.ToLowerInvariant() is "user" or "users" or "localgroup" or "group" or "view" or "share" or "use" or "session" or "start" or "stop" or "accounts" or "config")
        {
            return true;
        }

        if (command is "which" or "whereis" && position == 1 && ShellVocabulary.IsCommand(a))
        {
            return true;
        }

        if (command is "reg" && a.ToLowerInvariant() is "add" or "query" or "delete" or "save" or "export")
        {
            return true;
        }

        return a.Contains('\\', StringComparison.Ordinal) && (a.Contains(":\\", StringComparison.Ordinal) || a.StartsWith("\\\\", StringComparison.Ordinal));
    }

    private static bool IsIpAddress(string a)
    {
        var dots = 0;
        foreach (var ch in a)
        {
            if (ch == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return dots == 3;
    }
}
