using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Shell;

/// <summary>
/// Shell constructs that are evidence wherever they appear, independent of a command position: <c>$IFS</c> as a
/// space, <c>/dev/tcp</c> sockets, commands stored in variables and run, ANSI-C escapes, Shellshock function
/// definitions and PowerShell download-and-run idioms.
/// </summary>
internal static class ShellConstructs
{
    private static readonly MultiPattern PowerShell = new(
        "iex(", "iex (", "invoke-expression(", "invoke-expression (", "new-object net.webclient", "new-object system.net.webclient",
        ".downloadstring(", ".downloadfile(", "-encodedcommand ", "::frombase64string(", "invoke-webrequest -uri", "iwr -uri",
        "start-process cmd", "start-process powershell", "-executionpolicy bypass", "-exec bypass");

    public static void Scan(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        if (s.IndexOfAny("$/(=-") < 0)
        {
            return;
        }

        CheckShellshock(view, s, f);
        var ps = PowerShell.Next(s, 0, out var needle);
        if (ps >= 0)
        {
            f.Add(ShellRules.PowerShellExpression, view, ps, needle.Length);
        }

        for (var p = s.IndexOfAny("$/="); p >= 0 && p < s.Length; p = Next(s, p))
        {
            switch (s[p])
            {
                case '$' when ShellTokenizer.IfsAt(s, p) is var ifs and > 0:
                    f.Add(ShellRules.IfsSeparator, view, p, ifs);
                    break;
                case '$' when p + 1 < s.Length && s[p + 1] == '\'' && AnsiC.HasNumericEscapes(s, p):
                    f.Add(ShellRules.AnsiCQuoting, view, p, Math.Min(40, s.Length - p));
                    break;
                case '/' when Scanning.At(s, p, "/dev/tcp/") || Scanning.At(s, p, "/dev/udp/"):
                    f.Add(ShellRules.ReverseShell, view, p, 9);
                    break;
                case '=':
                    CheckVariableExecution(view, s, p, f);
                    break;
            }
        }
    }

    private static int Next(ReadOnlySpan<char> s, int p)
    {
        var next = s[(p + 1)..].IndexOfAny("$/=");
        return next < 0 ? -1 : p + 1 + next;
    }

    // () { :; }; and () { _; } >_[...]: a function definition where a value should be (CVE-2014-6271 and relatives).
    private static void CheckShellshock(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        var i = ShellTokenizer.SkipBlanks(s, 0);
        if (!Scanning.At(s, i, "()"))
        {
            return;
        }

        var k = ShellTokenizer.SkipBlanks(s, i + 2);
        if (k < s.Length && s[k] == '{' && s[k..].IndexOf('}') > 0)
        {
            f.Add(ShellRules.Shellshock, view, i, Math.Min(s.Length - i, 24));
        }
    }

    // After a separator, possibly with blanks between: where the shell reads a command word.
    private static bool InCommandPosition(ReadOnlySpan<char> s, int u)
    {
        var k = u - 1;
        while (k >= 0 && ShellTokenizer.IsBlank(s[k]))
        {
            k--;
        }

        return k >= 0 && ShellTokenizer.IsSeparator(s[k]);
    }

    // X=$'cat\x20/etc/hosts';$X   c=cat; $c /etc/hosts: a value assigned to a variable, later run as the command word.
    private static void CheckVariableExecution(DecodedView view, ReadOnlySpan<char> s, int eq, FindingCollector f)
    {
        var nameStart = eq;
        while (nameStart > 0 && Scanning.IsIdentChar(s[nameStart - 1]))
        {
            nameStart--;
        }

        if (nameStart == eq || eq + 1 >= s.Length || (nameStart > 0 && !ShellTokenizer.IsSeparator(s[nameStart - 1]) && !ShellTokenizer.IsBlank(s[nameStart - 1]) && s[nameStart - 1] != '^'))
        {
            return;
        }

        if (s[eq + 1] is ' ' or '=' || !Scanning.IsIdentChar(s[nameStart]) || char.IsAsciiDigit(s[nameStart]))
        {
            return;
        }

        var name = s[nameStart..eq];
        for (var u = eq + 1; u + name.Length < s.Length && u < eq + 256; u++)
        {
            var braced = s[u + 1] == '{' && u + name.Length + 2 < s.Length && s.Slice(u + 2, name.Length).SequenceEqual(name);
            if (s[u] == '$' && (braced || s.Slice(u + 1, name.Length).SequenceEqual(name)) && InCommandPosition(s, u))
            {
                f.Add(ShellRules.VariableExecution, view, nameStart, u + name.Length + 1 - nameStart);
                return;
            }
        }
    }
}
