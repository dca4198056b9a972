using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.Rules.RuleAssertions;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>One positive and one look-alike per code-injection rule, named by rule id.</summary>
[TestFixture]
public sealed class CodeRuleTests
{
    private const string F = ThreatCategory.CodeInjection;

    [TestCase("x=__import__('os').getcwd()", TestName = "code.interpreter_marker positive: Python import builtin")]
    [TestCase("a=require('child_process')", TestName = "code.interpreter_marker positive: Node child_process")]
    public void Interpreter_marker(string input) => AssertFires(input, "code.interpreter_marker", F);

    [TestCase("Thrown when Process.MainModule cannot be read", TestName = "code.interpreter_marker look-alike: .NET API docs")]
    public void Interpreter_marker_look_alike(string input) => AssertBenign(input, "code.interpreter_marker");

    [TestCase("<?php echo 1; ?>", TestName = "code.php_tag positive: open tag")]
    public void Php_tag(string input) => AssertFires(input, "code.php_tag", F);

    [TestCase("<?xml version=\"1.0\"?><a/>", TestName = "code.php_tag look-alike: XML declaration")]
    public void Php_tag_look_alike(string input) => AssertBenign(input, "code.php_tag");

    [TestCase("%{(#q=#context['k']).(#q)}", TestName = "code.expression_language positive: OGNL context")]
    [TestCase("@java.lang.System@getenv()", TestName = "code.expression_language positive: OGNL static call")]
    [TestCase("${applicationScope}", TestName = "code.expression_language positive: EL implicit object")]
    public void Expression_language(string input) => AssertFires(input, "code.expression_language", F);

    [TestCase("Apache OGNL is an expression language", TestName = "code.expression_language look-alike: library name")]
    public void Expression_language_look_alike(string input) => AssertBenign(input, "code.expression_language");

    [TestCase("${'x'.toUpperCase()}", TestName = "code.el_probe positive: method on a literal")]
    [TestCase("#{\"a\".concat(\"b\")}", TestName = "code.el_probe positive: hash brace concat")]
    public void El_probe(string input) => AssertFires(input, "code.el_probe", F);

    [TestCase("${'price'} in quotes", TestName = "code.el_probe look-alike: quoted placeholder")]
    public void El_probe_look_alike(string input) => AssertBenign(input, "code.el_probe");

    [TestCase("new ProcessBuilder(\"id\").start()", TestName = "code.java_reflection positive: process builder")]
    [TestCase("Class.forName(\"a.B\").newInstance()", TestName = "code.java_reflection positive: class loading")]
    public void Java_reflection(string input) => AssertFires(input, "code.java_reflection", F);

    [TestCase("Java runtime 21 is required", TestName = "code.java_reflection look-alike: prose")]
    public void Java_reflection_look_alike(string input) => AssertBenign(input, "code.java_reflection");

    [TestCase("x';system('id');//", TestName = "code.breakout_exec_call positive: quote then system")]
    [TestCase("<?=`id`?>", TestName = "code.breakout_exec_call positive: backtick in a short tag")]
    public void Breakout_exec_call(string input) => AssertFires(input, "code.breakout_exec_call", F);

    [TestCase("it's done; system ready", TestName = "code.breakout_exec_call look-alike: prose")]
    public void Breakout_exec_call_look_alike(string input) => AssertBenign(input, "code.breakout_exec_call");

    [TestCase("passthru('ls')", TestName = "code.exec_call positive: passthru")]
    [TestCase("os.popen(\"uname\").read()", TestName = "code.exec_call positive: Python popen")]
    [TestCase("echo shell_exec('ls');", TestName = "code.exec_call positive: statement after echo")]
    public void Exec_call(string input) => AssertFires(input, "code.exec_call", F);

    [TestCase("print(`id`)", TestName = "code.exec_call positive: PHP backtick argument (also a shell substitution)")]
    public void Exec_call_backtick(string input) => AssertFiresInThreat(input, "code.exec_call");

    [TestCase("commands like os.system('clear') made easy", TestName = "code.exec_call look-alike: call named in prose")]
    public void Exec_call_look_alike(string input) => AssertBenign(input, "code.exec_call");

    [TestCase("wraps os.system('clear') nicely", TestName = "code.exec_call_in_text weak: call inside a sentence")]
    public void Exec_call_in_text(string input) => AssertFiresWeakly(input, "code.exec_call_in_text");

    [TestCase("eval($_POST['c']);", TestName = "code.user_input_call positive: eval of a superglobal")]
    [TestCase("$_GET['f']($_GET['a']);", TestName = "code.user_input_call positive: superglobal as callee")]
    public void User_input_call(string input) => AssertFires(input, "code.user_input_call", F);

    [TestCase("Read $_GET values with filter_input()", TestName = "code.user_input_call look-alike: PHP docs")]
    public void User_input_call_look_alike(string input) => AssertBenign(input, "code.user_input_call");

    [TestCase("eval(base64_decode('aWQ='));", TestName = "code.eval_call positive: decoded code")]
    [TestCase("assert('1==1');", TestName = "code.eval_call positive: assert of a string")]
    [TestCase("preg_replace('/x/e', 'y', 'x');", TestName = "code.eval_call positive: preg_replace with e modifier")]
    [TestCase("array_map('passthru', ['ls'])", TestName = "code.eval_call positive: execution function as a callback")]
    public void Eval_call(string input) => AssertFires(input, "code.eval_call", F);

    [TestCase("preg_replace('/x/', 'y', $s);", TestName = "code.eval_call look-alike: preg_replace without e")]
    [TestCase("array_map('trim', $rows)", TestName = "code.eval_call look-alike: harmless callback")]
    public void Eval_call_look_alike(string input) => AssertBenign(input, "code.eval_call");

    [TestCase("('ex'.'ec')('id');", TestName = "code.concatenated_call positive: name from pieces")]
    [TestCase("$f='pass'.'thru';$f('id');", TestName = "code.concatenated_call positive: variable function")]
    [TestCase("$p=\"pass\";$q=\"thru\";$r=$p.$q;$r(\"ls\");", TestName = "code.concatenated_call positive: variables joined")]
    public void Concatenated_call(string input) => AssertFires(input, "code.concatenated_call", F);

    [TestCase("('a'.'b')", TestName = "code.concatenated_call look-alike: concatenation only")]
    public void Concatenated_call_look_alike(string input) => AssertBenign(input, "code.concatenated_call");

    [TestCase("include 'php://input';", TestName = "code.wrapper_include positive: php input")]
    [TestCase("require_once('expect://id');", TestName = "code.wrapper_include positive: expect wrapper")]
    public void Wrapper_include(string input) => AssertFires(input, "code.wrapper_include", F);

    [TestCase("include the data: it matters", TestName = "code.wrapper_include look-alike: prose")]
    public void Wrapper_include_look_alike(string input) => AssertBenign(input, "code.wrapper_include");

    [TestCase("chmod('x.php',0777);", TestName = "code.php_statement positive: chmod statement")]
    [TestCase("print_r(scandir('.'));", TestName = "code.php_statement positive: listing")]
    [TestCase("$h = fopen('a.php', 'w');", TestName = "code.php_statement positive: fopen assignment")]
    public void Php_statement(string input) => AssertFires(input, "code.php_statement", F);

    [TestCase("var cfg = require('./cfg.json');", TestName = "code.php_statement look-alike: Node require")]
    public void Php_statement_look_alike(string input) => AssertBenign(input, "code.php_statement");

    [TestCase("%x('id')", TestName = "code.ruby_exec positive: percent-x literal")]
    [TestCase("Kernel.system('id')", TestName = "code.ruby_exec positive: Kernel call")]
    public void Ruby_exec(string input) => AssertFires(input, "code.ruby_exec", F);

    [TestCase("printf('%x(%d)', a, b)", TestName = "code.ruby_exec look-alike: printf format")]
    public void Ruby_exec_look_alike(string input) => AssertBenign(input, "code.ruby_exec");
}
