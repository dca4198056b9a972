namespace InfiniteSecurity.Detection.Shell;

/// <summary>
/// How shell-shaped one argument word is: 0 for a plain word, 1 for an option, path, variable, URL, address or
/// wildcard, 2 for a system path (<c>/etc/…</c>, <c>C:\Windows\…</c>) or a wildcard path (<c>/e??/p*d</c>).
/// </summary>
internal static class ShellArgument
{
    private static readonly string[] SystemDirectories =
        ["/etc/", "/bin/", "/sbin/", "/dev/", "/tmp/", "/proc/", "/var/", "/usr/", "/root", "/home/", "/opt/", "/sys/"];

    public static int Weight(ShellWord word, string command, int position)
    {
        var a = word.Text;
        if (a.Length == 0)
        {
            return 0;
        }

        var shape = ShapeWeight(a, word.Has(ShellWordShape.Glob));
        if (shape > 0)
        {
            return shape;
        }

        if (ShellVocabulary.TakesHostOrNumber(command) && (IsNumber(a) || IsIpAddress(a) || IsHostName(a)))
        {
            return 1;
        }

        return SubcommandWeight(a, command, position);
    }

    private static int ShapeWeight(string a, bool glob)
    {
        var c0 = a[0];
        if (c0 == '-' && a.Length >= 2 && (char.IsAsciiLetter(a[1]) || (a[1] == '-' && a.Length > 2 && char.IsAsciiLetter(a[2]))))
        {
            return 1;
        }

        if (c0 == '/' && a.Length >= 2)
        {
            return PathWeight(a, glob);
        }

        if ((c0 == '$' && a.Length > 1) || ShellCommandReader.IsWindowsVariable(a) || a is "*" || c0 == '~' || a.StartsWith("./", StringComparison.Ordinal) || a.StartsWith("../", StringComparison.Ordinal))
        {
            return 1;
        }

        if (a.Contains("://", StringComparison.Ordinal) || a.StartsWith(@"\\", StringComparison.Ordinal) || (c0 == '{' && a.Contains(',', StringComparison.Ordinal)))
        {
            return 1;
        }

        if (a.Length >= 3 && char.IsAsciiLetter(c0) && a[1] == ':' && a[2] is '\\' or '/')
        {
            return a.Contains("windows", StringComparison.OrdinalIgnoreCase) || a.Contains("system32", StringComparison.OrdinalIgnoreCase) ? 2 : 1;
        }

        // *.txt or a[0-9]: a file wildcard; *.example.com in a policy is a host pattern.
        return glob && (a.Contains('/', StringComparison.Ordinal) || a.Count(ch => ch == '.') <= 1) ? 1 : 0;
    }

    private static int PathWeight(string a, bool glob)
    {
        if (a.Length <= 4 && a.AsSpan(1).IndexOfAnyExceptInRange('a', 'z') < 0)
        {
            return 1; // cmd.exe switch: /c /all /q
        }

        if (glob && a.AsSpan(1).IndexOf('/') >= 0)
        {
            return 2;
        }

        foreach (var dir in SystemDirectories)
        {
            if (a.StartsWith(dir, StringComparison.Ordinal))
            {
                return 2;
            }
        }

        return a[1] is ' ' ? 0 : 1;
    }

    private static int SubcommandWeight(string a, string command, int position)
    {
        var lower = a.ToLowerInvariant();
        if (command is "net" or "net1" && lower is "user" or "users" or "localgroup" or "group" or "view" or "share" or "use" or "session" or "start" or "stop" or "accounts" or "config")
        {
            return 1;
        }

        if (command is "reg" && lower is "add" or "query" or "delete" or "save" or "export")
        {
            return 1;
        }

        return command is "which" or "whereis" or "type" or "command" && position == 1 && ShellVocabulary.IsCommand(a) ? 1 : 0;
    }

    public static bool IsNumber(string a) => a.Length is > 0 and <= 12 && a.AsSpan().IndexOfAnyExcept("0123456789.") < 0 && char.IsAsciiDigit(a[0]);

    public static bool IsIpAddress(string a)
    {
        var dots = 0;
        foreach (var ch in a)
        {
            if (ch == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(ch) && ch != ':')
            {
                return false;
            }
        }

        return dots == 3;
    }

    // x.example, a1b2.oast.test: labels of letters, digits and '-', a letter-only last label.
    private static bool IsHostName(string a)
    {
        var dot = a.LastIndexOf('.');
        if (dot <= 0 || dot == a.Length - 1 || a.Length > 253)
        {
            return false;
        }

        return a.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") < 0
            && a.AsSpan(dot + 1).IndexOfAnyExceptInRange('a', 'z') < 0;
    }
}
