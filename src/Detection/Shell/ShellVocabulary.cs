namespace InfiniteSecurity.Detection.Shell;

/// <summary>
/// Command names an injected command line starts with (Unix, Windows cmd, PowerShell). A name alone is not an
/// attack; the detector also requires a shell operator before it or shell-shaped arguments after it.
/// </summary>
internal static class ShellVocabulary
{
    // Commands that reveal something on their own, without arguments (reconnaissance).
    private static readonly HashSet<string> Recon = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "whoami", "uname", "ifconfig", "ipconfig", "hostname", "env", "printenv", "systeminfo", "netstat",
        "tasklist", "ver", "getuid", "w", "who", "last", "groups", "lsb_release", "arp", "route", "set", "ls", "dir",
        "phpinfo", "sysinfo", "ps",
    };

    private static readonly HashSet<string> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        "cat", "tac", "ls", "dir", "type", "more", "less", "head", "tail", "echo", "printf", "wget", "curl", "nc", "ncat",
        "netcat", "bash", "sh", "zsh", "ksh", "csh", "tcsh", "dash", "python", "python2", "python3", "perl", "ruby", "php",
        "node", "lua", "powershell", "pwsh", "cmd", "rm", "del", "rmdir", "rd", "cp", "copy", "mv", "move", "chmod", "chown",
        "touch", "mkdir", "find", "grep", "awk", "sed", "ping", "nslookup", "dig", "host", "sleep", "timeout", "telnet",
        "ssh", "scp", "ftp", "tftp", "certutil", "bitsadmin", "mshta", "rundll32", "regsvr32", "reg", "net", "net1", "sc",
        "wmic", "start", "kill", "killall", "pkill", "base64", "xxd", "od", "nohup", "exec", "eval", "sudo", "su", "crontab",
        "useradd", "usermod", "passwd", "tar", "zip", "unzip", "gcc", "cc", "which", "whereis", "nmap", "iex",
        "invoke-expression", "invoke-webrequest", "iwr", "new-object", "start-process", "get-content", "get-childitem",
        "invoke-restmethod", "irm", "schtasks", "shutdown", "reboot", "halt", "mknod", "mkfifo", "socat", "openssl",
        "xterm", "chsh", "dd", "strings", "stat", "readlink", "locate", "systemctl", "service", "curl.exe",
        "wget.exe", "cscript", "wscript", "msiexec", "vssadmin", "icacls", "attrib", "findstr", "forfiles", "expr",
        "id", "whoami", "uname", "ifconfig", "ipconfig", "hostname", "pwd", "env", "printenv", "systeminfo", "netstat",
        "tasklist", "ver", "getuid", "who", "groups", "arp", "ps", "sysinfo", "runas", "query", "sort", "uniq",
        "cut", "tr", "rev", "nl", "xargs", "lsof", "whois", "traceroute", "tracert", "nbtstat", "wevtutil", "cacls",
        "fsutil", "quser", "qwinsta", "nltest", "dsquery", "uptime", "lastlog", "getent", "pgrep", "dmesg", "hexdump",
        "md5sum", "sha1sum", "sha256sum", "busybox", "jrunscript", "tclsh", "taskkill", "xcopy", "robocopy", "takeown",
        "bcdedit", "base32", "gzip", "gunzip", "bzip2", "tee", "doas", "chattr", "uuencode", "uudecode", "iconv",
        "gawk", "mawk", "nawk", "ssh-keygen", "iptables", "rmdir", "unlink", "shred", "truncate",
    };

    // Interpreters that run what is piped into them.
    private static readonly HashSet<string> Interpreters = new(StringComparer.OrdinalIgnoreCase)
    {
        "sh", "bash", "zsh", "ksh", "dash", "csh", "tcsh", "ash", "busybox", "$0", "$shell", "${shell}", "powershell", "pwsh",
        "iex", "invoke-expression", "python", "python2", "python3", "perl", "ruby", "php", "node", "cmd",
    };

    // Commands whose numeric or host-name arguments are the point: timing probes and out-of-band callbacks.
    private static readonly HashSet<string> Network = new(StringComparer.OrdinalIgnoreCase)
    {
        "sleep", "ping", "timeout", "nc", "ncat", "netcat", "telnet", "head", "tail", "kill", "nslookup", "dig", "host",
        "curl", "wget", "ssh", "ftp", "tftp", "whois", "traceroute", "tracert", "socat", "usleep",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommandLookup = Commands.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReconLookup = Recon.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsCommand(ReadOnlySpan<char> word) => CommandLookup.Contains(StripPathAndExtension(word));

    public static bool IsRecon(ReadOnlySpan<char> word) => ReconLookup.Contains(StripPathAndExtension(word));

    public static bool IsInterpreter(string word) => Interpreters.Contains(word) || IsCommand(word) && Interpreters.Contains(StripPathAndExtension(word).ToString());

    /// <summary>Timing and callback commands: their numbers and host names are shell-shaped arguments.</summary>
    public static bool TakesHostOrNumber(string stem) => Network.Contains(stem);

    /// <summary>
    /// True when a wildcard word (<c>who??i</c>, <c>/???/c?t</c>, <c>c*t</c>) names a known command: the last path
    /// segment is matched against the vocabulary the way the shell would match file names.
    /// </summary>
    public static bool GlobMatchesCommand(ReadOnlySpan<char> pattern)
    {
        var slash = pattern.LastIndexOfAny('/', '\\');
        var last = pattern[(slash + 1)..];
        var literals = last.Length - last.Count('?') - last.Count('*');
        if (last.Length is 0 or > 32)
        {
            return false;
        }

        if (literals == 0)
        {
            // /???/??? names a binary by its directory shape alone; */* (an Accept header) does not.
            return pattern.Length >= 6 && pattern[0] == '/' && pattern.IndexOfAnyExcept("/?") < 0 && pattern.Count('/') >= 2;
        }

        if (last.Contains('*') && literals < 2)
        {
            return false;
        }

        foreach (var command in Commands)
        {
            if (command.Length >= 2 && Glob.Matches(last, command))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the first word of the input is a command name (the prefilter's one exception).</summary>
    public static bool StartsWithCommand(ReadOnlySpan<char> s)
    {
        var end = s.IndexOf(' ');
        return end > 0 && IsCommand(s[..end]);
    }

    /// <summary><c>/usr/bin/id</c> and <c>C:\Windows\System32\cmd.exe</c> name the same commands as <c>id</c> and <c>cmd</c>.</summary>
    public static ReadOnlySpan<char> StripPathAndExtension(ReadOnlySpan<char> word)
    {
        var slash = word.LastIndexOfAny('/', '\\');
        var pathLike = word.Length > 0 && (word[0] is '/' or '\\' or '%' or '$' or '~' || word.StartsWith("./") || (word.Length > 2 && word[1] == ':' && word[2] is '\\' or '/' && word.IndexOf("//") < 0));
        if (slash >= 0 && pathLike)
        {
            word = word[(slash + 1)..];
        }

        else if (slash >= 0)
        {
            return ReadOnlySpan<char>.Empty;
        }

        if (word.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || word.EndsWith(".com", StringComparison.OrdinalIgnoreCase))
        {
            word = word[..^4];
        }

        return word;
    }
}
