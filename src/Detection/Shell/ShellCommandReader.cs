namespace InfiniteSecurity.Detection.Shell;

/// <summary>
/// Reads one simple command from a command position with the shell's grammar: optional brace form
/// (<c>{cat,/etc/hosts}</c>), the command word, up to eight argument words, redirections (<c>&gt;/dev/null</c>,
/// <c>2&gt;&amp;1</c>, <c>&lt;/etc/hosts</c>) and a following pipe into another command. Bounded work per call.
/// </summary>
internal static class ShellCommandReader
{
    private const int MaxArgs = 8;

    public static ShellCommandLine Read(ReadOnlySpan<char> s, int i)
    {
        var k = ShellTokenizer.SkipBlanks(s, i);
        var brace = k < s.Length && s[k] == '{';
        if (brace)
        {
            k++;
        }

        if (!ShellTokenizer.TryReadWord(s, ref k, out var word))
        {
            return default;
        }

        // then sleep 5, do id, ! whoami: a reserved word keeps the shell in command position for the next word.
        var afterReserved = k;
        if (!brace && IsReservedWord(word.Text) && ShellTokenizer.TryReadWord(s, ref afterReserved, out var next) && !IsReservedWord(next.Text))
        {
            word = next;
            k = afterReserved;
        }

        var name = word.Text;
        var braceForm = false;
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (brace && comma > 0)
        {
            name = name[..comma];
            braceForm = true;
        }

        var kind = Classify(name, word);
        var after = ShellTokenizer.SkipBlanks(s, word.End);
        var call = after < s.Length && s[after] == '(';
        var stem = ShellVocabulary.StripPathAndExtension(name).ToString().ToLowerInvariant();
        var line = new ShellCommandLine(word, name, kind, 0, 0, braceForm ? 2 : 0, braceForm, false, call, braceForm, word.End, false);
        return call || kind == CommandWordKind.None ? line : ReadArguments(s, k, stem, line);
    }

    private static bool IsReservedWord(string w) => w is "then" or "else" or "elif" or "do" or "if" or "while" or "until" or "!" or "time";

    private static ShellCommandLine ReadArguments(ReadOnlySpan<char> s, int k, string stem, ShellCommandLine line)
    {
        int args = 0, plain = 0, evidence = line.Evidence, end = line.End;
        bool first = line.FirstArgShellish, pipes = false;
        for (var step = 0; args < MaxArgs && step < 2 * MaxArgs; step++)
        {
            var before = k;
            if (ShellTokenizer.TryReadWord(s, ref k, out var arg))
            {
                if (k < s.Length && s[k] == '>' && ShellArgument.IsNumber(arg.Text))
                {
                    continue; // the 2 of 2>&1
                }

                args++;
                end = arg.End;
                var w = ShellArgument.Weight(arg, stem, args);
                first |= args == 1 && w > 0;
                evidence += w;
                plain += w == 0 ? 1 : 0;
                continue;
            }

            var at = ShellTokenizer.SkipBlanks(s, before);
            if (SubstitutedCommandAt(s, at, out var substitutionEnd))
            {
                args++; // echo `id`, ping $(hostname): the argument is itself a command's output
                first |= args == 1;
                evidence += 2;
                end = k = substitutionEnd;
                continue;
            }

            var redirect = at < s.Length && s[at] is '<' or '>' ? RedirectionWeight(s, at, out k) : -1;
            if (redirect >= 0)
            {
                first |= args == 0 && redirect == 2;
                evidence += redirect;
                end = Math.Max(end, k);
                continue;
            }

            pipes = at + 1 < s.Length && s[at] == '|' && s[at + 1] != '|' && PipeTargetIsCommand(s, at + 1, args > 0);
            break;
        }

        var next = ShellTokenizer.SkipBlanks(s, end);
        var reachedEnd = next >= s.Length;
        var endsCommand = reachedEnd || ShellTokenizer.IsSeparator(s[next]) || s[next] is '`' or ')' or '\'' or '"';
        return line with
        {
            Args = args, Plain = plain, Evidence = evidence, FirstArgShellish = first, PipesToCommand = pipes, End = end,
            ReachedEnd = reachedEnd, EndsCommand = endsCommand,
        };
    }

    private static bool SubstitutedCommandAt(ReadOnlySpan<char> s, int at, out int end)
    {
        end = at;
        var open = at < s.Length && s[at] == '`' ? 1 : at + 1 < s.Length && s[at] == '$' && s[at + 1] == '(' ? 2 : 0;
        if (open == 0)
        {
            return false;
        }

        var inner = at + open;
        if (!ShellTokenizer.TryReadWord(s, ref inner, out var word) || !ShellVocabulary.IsCommand(word.Text))
        {
            return false;
        }

        var close = s[inner..].IndexOf(open == 1 ? '`' : ')');
        end = close < 0 ? s.Length : inner + close + 1;
        return true;
    }

    // > /dev/null, >>log, 2>&1, >&2, </etc/hosts, <<<word. Returns -1 where it is no redirection (<(, </tag>).
    private static int RedirectionWeight(ReadOnlySpan<char> s, int at, out int next)
    {
        next = at + 1;
        if (next < s.Length && s[next] == '(')
        {
            return -1; // process substitution: read by the detector as a substitution
        }

        if (s[at] == '<' && next < s.Length && (IsTag(s, next) || (s[next] == '/' && IsTag(s, next + 1))))
        {
            return -1; // <T>, </b>: markup or generics, not a redirection
        }

        var ops = 1;
        while (next < s.Length && s[next] is '>' or '<' or '&' && ops < 3)
        {
            next++;
            ops++;
        }

        next = ShellTokenizer.SkipBlanks(s, next);
        var targetStart = next;
        if (!ShellTokenizer.TryReadWord(s, ref next, out var target))
        {
            return 0;
        }

        var t = target.Text;
        if (t.Length == 0)
        {
            return 1;
        }

        var strong = s[targetStart - 1] == '&' || ops > 1 || t[0] is '/' or '~' or '$' or '\\' or '.' || (t.Length > 2 && t[1] == ':');
        return strong ? 2 : 1;
    }

    private static bool IsTag(ReadOnlySpan<char> s, int i)
    {
        var k = i;
        while (k < s.Length && char.IsAsciiLetterOrDigit(s[k]))
        {
            k++;
        }

        return k > i && k < s.Length && s[k] == '>';
    }

    // "| grep root" after a command with arguments, or "| base64 -d": a pipeline; "ruby | lua" is a list of names.
    private static bool PipeTargetIsCommand(ReadOnlySpan<char> s, int i, bool leftHasArgs) =>
        ShellTokenizer.TryReadWord(s, ref i, out var next) && ShellVocabulary.IsCommand(next.Text)
        && (leftHasArgs || ShellTokenizer.TryReadWord(s, ref i, out _));

    private static CommandWordKind Classify(string name, ShellWord word)
    {
        if (name.Length == 0)
        {
            return CommandWordKind.None;
        }

        if (ShellVocabulary.IsCommand(name) || (word.Has(ShellWordShape.Glob) && ShellVocabulary.GlobMatchesCommand(name)))
        {
            return CommandWordKind.Known;
        }

        if ((name[0] == '$' && name.Length > 1) || IsWindowsVariable(name))
        {
            return CommandWordKind.Variable;
        }

        if (IsPathShaped(name))
        {
            return CommandWordKind.Path;
        }

        return IsIdentifier(name) ? CommandWordKind.Identifier : CommandWordKind.None;
    }

    /// <summary>%COMSPEC%, %SystemRoot%\x: a cmd.exe variable, not a percent-encoded byte such as %22 or %E6%.</summary>
    public static bool IsWindowsVariable(string a)
    {
        if (a.Length < 5 || a[0] != '%' || !char.IsAsciiLetter(a[1]))
        {
            return false;
        }

        var close = a.IndexOf('%', 1);
        return close >= 4 && a.AsSpan(1, close - 1).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") < 0;
    }

    private static bool IsPathShaped(string name)
    {
        var rooted = name[0] == '/' || name.StartsWith("./", StringComparison.Ordinal) || name.StartsWith("../", StringComparison.Ordinal)
            || name.StartsWith("~/", StringComparison.Ordinal) || (name.Length > 3 && char.IsAsciiLetter(name[0]) && name[1] == ':' && name[2] is '\\' or '/');
        var last = name.AsSpan(name.AsSpan().LastIndexOfAny('/', '\\') + 1);
        return rooted && name.Length >= 3 && last.Length > 0 && IsIdentifier(last.ToString().ToLowerInvariant());
    }

    // foo, x-tool, run.exe, py3: a lower-case letter then up to 31 program-name characters.
    private static bool IsIdentifier(string name) =>
        name.Length is >= 2 and <= 32 && char.IsAsciiLetterLower(name[0]) && name[^1] != '.'
        && name.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_.+-") < 0;
}
