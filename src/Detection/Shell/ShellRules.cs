using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Shell;

/// <summary>OS command injection rules (CWE-78, CAPEC-88). Weights rise with how strongly the text parses as a command line.</summary>
internal static class ShellRules
{
    private const string F = ThreatCategory.CommandInjection;
    private const int Cwe = 78;
    private const int Capec = 88;

    public static readonly RuleDefinition BreakoutCommand = new("cmd.breakout_command", F, 0.9, 0.6, 0.98,
        "the value ends at a shell separator and a command invocation follows", Cwe, Capec);

    public static readonly RuleDefinition BreakoutName = new("cmd.breakout_name", F, 0.55, 0.3, 0.85,
        "the value ends at a shell separator and a well-known command with plain words follows", Cwe, Capec);

    public static readonly RuleDefinition ChainedCommand = new("cmd.chained_command", F, 0.82, 0.5, 0.95,
        "shell separator followed by a command with shell-shaped arguments", Cwe, Capec);

    public static readonly RuleDefinition ChainedInvocation = new("cmd.chained_invocation", F, 0.7, 0.4, 0.9,
        "shell separator followed by an executable-shaped word with several shell-shaped arguments", Cwe, Capec);

    public static readonly RuleDefinition ChainedName = new("cmd.chained_name", F, 0.4, 0.1, 0.7,
        "shell separator followed by a bare command name (also how lists of tools read)", Cwe, Capec);

    public static readonly RuleDefinition Substitution = new("cmd.substitution", F, 0.88, 0.6, 0.98,
        "command substitution runs a command inside the argument", Cwe, Capec);

    public static readonly RuleDefinition SubstitutionName = new("cmd.substitution_name", F, 0.6, 0.3, 0.85,
        "command substitution of a well-known command with plain words", Cwe, Capec);

    public static readonly RuleDefinition CommandLine = new("cmd.command_line", F, 0.62, 0.35, 0.9,
        "the input is a shell command line with shell-shaped arguments", Cwe, Capec);

    public static readonly RuleDefinition SystemCommandLine = new("cmd.system_command_line", F, 0.8, 0.5, 0.95,
        "the input is a command line whose first argument is a system path or redirection", Cwe, Capec);

    public static readonly RuleDefinition ReconCommand = new("cmd.recon_command", F, 0.55, 0.3, 0.85,
        "the input is a reconnaissance command on its own", Cwe, Capec);

    public static readonly RuleDefinition ObfuscatedCommand = new("cmd.obfuscated_command", F, 0.9, 0.6, 0.98,
        "a command word spelled with quote, escape, empty-expansion or wildcard insertions, as only filter evasion does", Cwe, Capec);

    public static readonly RuleDefinition GlobPath = new("cmd.glob_path", F, 0.85, 0.55, 0.95,
        "an executable named by a wildcard path, so no literal command name appears", Cwe, Capec);

    public static readonly RuleDefinition BraceExpansion = new("cmd.brace_expansion", F, 0.85, 0.55, 0.95,
        "brace expansion {command,argument} builds a command line without spaces", Cwe, Capec);

    public static readonly RuleDefinition IfsSeparator = new("cmd.ifs_separator", F, 0.8, 0.5, 0.95,
        "$IFS used as a space to smuggle arguments past filters", Cwe, Capec);

    public static readonly RuleDefinition ReverseShell = new("cmd.reverse_shell", F, 0.92, 0.6, 0.99,
        "bash /dev/tcp socket, the usual reverse-shell channel", Cwe, Capec);

    public static readonly RuleDefinition VariableExecution = new("cmd.variable_execution", F, 0.88, 0.6, 0.98,
        "a command stored in a shell variable and then executed", Cwe, Capec);

    public static readonly RuleDefinition PipeToShell = new("cmd.pipe_to_shell", F, 0.88, 0.6, 0.98,
        "a command's output piped into a shell interpreter", Cwe, Capec);

    public static readonly RuleDefinition AnsiCQuoting = new("cmd.ansi_c_quoting", F, 0.8, 0.5, 0.95,
        "$'\\x..' ANSI-C quoting spells a word from escapes", Cwe, Capec);

    public static readonly RuleDefinition Shellshock = new("cmd.shellshock", F, 0.95, 0.7, 0.99,
        "a bash function definition at the start of a value (Shellshock)", Cwe, Capec);

    public static readonly RuleDefinition PowerShellExpression = new("cmd.powershell_expression", F, 0.88, 0.6, 0.98,
        "PowerShell download-and-run or encoded-command construct", Cwe, Capec);

    public static readonly RuleDefinition[] All =
    [
        BreakoutCommand, BreakoutName, ChainedCommand, ChainedInvocation, ChainedName, Substitution, SubstitutionName,
        CommandLine, SystemCommandLine, ReconCommand, ObfuscatedCommand, GlobPath, BraceExpansion, IfsSeparator, ReverseShell,
        VariableExecution, PipeToShell, AnsiCQuoting, Shellshock, PowerShellExpression,
    ];
}
