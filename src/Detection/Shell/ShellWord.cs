namespace InfiniteSecurity.Detection.Shell;

/// <summary>One shell word after quote removal: its unquoted text and its span in the view.</summary>
internal readonly record struct ShellWord(string Text, int Start, int End);
