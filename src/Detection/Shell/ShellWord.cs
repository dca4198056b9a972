namespace InfiniteSecurity.Detection.Shell;

/// <summary>How a word was spelled: what the shell removed or expanded while reading it.</summary>
[Flags]
internal enum ShellWordShape
{
    None = 0,

    /// <summary>Part of the word was quoted.</summary>
    Quoted = 1,

    /// <summary>Something the shell removes sat inside the word: <c>w'h'o</c>, <c>c\at</c>, <c>who$@ami</c>, <c>wh$()oami</c>, <c>who^ami</c>.</summary>
    Inserted = 2,

    /// <summary>The word has wildcard characters (<c>?</c>, <c>*</c>, <c>[..]</c>) the shell expands against files.</summary>
    Glob = 4,

    /// <summary>The word contained <c>$'\x63'</c> ANSI-C quoting with escapes.</summary>
    AnsiC = 8,
}

/// <summary>One shell word after quote removal: its unquoted text, its span in the view and how it was spelled.</summary>
internal readonly record struct ShellWord(string Text, int Start, int End, ShellWordShape Shape = ShellWordShape.None)
{
    public bool Has(ShellWordShape shape) => (Shape & shape) != 0;
}
