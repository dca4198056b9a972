namespace InfiniteSecurity.Detection.Shell;

/// <summary>What the word in command position looks like to the shell.</summary>
internal enum CommandWordKind
{
    /// <summary>Not something a shell would run (capitalised prose, punctuation, <c>name=value</c>).</summary>
    None,

    /// <summary>A lower-case program-name-shaped word (<c>foo</c>, <c>x-tool</c>, <c>run.exe</c>).</summary>
    Identifier,

    /// <summary>A variable expanded into the command name (<c>$X</c>, <c>%COMSPEC%</c>).</summary>
    Variable,

    /// <summary>A path to an executable (<c>/opt/x/run</c>, <c>./x</c>, <c>C:\tools\x.exe</c>).</summary>
    Path,

    /// <summary>A well-known command (with or without its directory).</summary>
    Known,
}

/// <summary>
/// One simple command read from a command position: the command word, its kind, and how shell-shaped the words
/// after it are (<see cref="Evidence"/>: options, paths, redirections, variables, a pipe into another command).
/// </summary>
internal readonly record struct ShellCommandLine(
    ShellWord Word,
    string Name,
    CommandWordKind Kind,
    int Args,
    int Plain,
    int Evidence,
    bool FirstArgShellish,
    bool PipesToCommand,
    bool Call,
    bool BraceForm,
    int End,
    bool ReachedEnd,
    bool EndsCommand = false)
{
    public bool NoArgs => Args == 0 && !PipesToCommand;

    public bool IsKnown => Kind == CommandWordKind.Known;

    public bool IsRecon => IsKnown && ShellVocabulary.IsRecon(Name);

    /// <summary>The command word hides its name with insertions the shell removes, or wildcards that match a command.</summary>
    public bool Obfuscated => IsKnown && Name.Length >= 2 && (Word.Has(ShellWordShape.Inserted | ShellWordShape.AnsiC) || (Word.Has(ShellWordShape.Glob) && InnerWildcard(Name)));

    /// <summary>
    /// A path that names a program on its own: <c>./x</c>, a <c>bin/</c> or <c>/tmp/</c> location, a script or .exe
    /// suffix. <c>/etc/cron.daily/dpkg</c> after an ampersand in a manual page names a file, not a command.
    /// </summary>
    public bool RunnablePath => Kind == CommandWordKind.Path && !Word.Has(ShellWordShape.Inserted)
        && (Name.StartsWith("./", StringComparison.Ordinal) || Name.Contains("bin/", StringComparison.Ordinal) || Name.Contains("/tmp/", StringComparison.Ordinal)
            || Name.EndsWith(".sh", StringComparison.Ordinal) || Name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || Name.EndsWith(".pl", StringComparison.Ordinal));

    /// <summary>The command word is a wildcard path such as <c>/???/c?t</c>.</summary>
    public bool GlobPath => Word.Has(ShellWordShape.Glob) && Name.AsSpan().IndexOfAny('/', '\\') >= 0 && ShellVocabulary.GlobMatchesCommand(Name);

    /// <summary>How strongly the whole simple command parses as a command line: word plus argument evidence.</summary>
    public int Strength => WordStrength + Math.Min(4, Evidence) + (PipesToCommand ? 2 : 0);

    // "who??i", "c?t": a wildcard before the last character; "Who?" ends a question, it spells no command.
    private static bool InnerWildcard(string name)
    {
        var first = name.AsSpan().IndexOfAny('?', '*');
        return first >= 0 && (first < name.Length - 1 || name.AsSpan().Count('?') + name.AsSpan().Count('*') >= 2);
    }

    private int WordStrength => Kind switch
    {
        CommandWordKind.Known when Name.AsSpan().IndexOfAny('/', '\\') >= 0 => 3,
        CommandWordKind.Known => 2,
        CommandWordKind.Path or CommandWordKind.Variable => 1,
        _ => 0,
    };
}
