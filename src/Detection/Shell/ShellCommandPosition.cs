namespace InfiniteSecurity.Detection.Shell;

/// <summary>What put the shell in the position to read a command word.</summary>
internal enum ShellCommandPosition
{
    /// <summary>The input itself starts with the word.</summary>
    InputStart,

    /// <summary>An operator at the very start of the input (or right after a quote breakout): <c>;id</c>, <c>' | ls</c>.</summary>
    LeadingOperator,

    /// <summary>An operator after other words: <c>foo; id</c>.</summary>
    ChainOperator,

    /// <summary>Command substitution: <c>$(id)</c> or backticks.</summary>
    Substitution,
}
