using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.Rules.RuleAssertions;

namespace InfiniteSecurity.Detection.UnitTests.Rules;

/// <summary>One positive and one look-alike per SSTI rule, named by rule id.</summary>
[TestFixture]
public sealed class TemplateRuleTests
{
    private const string F = ThreatCategory.Ssti;

    [TestCase("{{ ''.__class__.__base__ }}", TestName = "ssti.object_walk positive: Python dunder walk")]
    [TestCase("{{ x|attr('y') }}", TestName = "ssti.object_walk positive: attr filter")]
    [TestCase("{{''['__cl'+'ass__']}}", TestName = "ssti.object_walk positive: assembled attribute")]
    [TestCase("*{T(java.lang.System).getenv()}", TestName = "ssti.object_walk positive: SpEL type")]
    [TestCase("#set($r=$x.class.forName('a.B'))", TestName = "ssti.object_walk positive: Velocity reflection")]
    public void Object_walk(string input) => AssertFires(input, "ssti.object_walk", F);

    [TestCase("Render {{ title }} in the header", TestName = "ssti.object_walk look-alike: placeholder")]
    public void Object_walk_look_alike(string input) => AssertBenign(input, "ssti.object_walk");

    [TestCase("${'q'.getClass()}", TestName = "ssti.java_object_walk positive: getClass on a literal")]
    [TestCase("${item.class}", TestName = "ssti.java_object_walk positive: class property")]
    public void Java_object_walk(string input) => AssertFires(input, "ssti.java_object_walk", F);

    [TestCase("${user.name}", TestName = "ssti.java_object_walk look-alike: EL property")]
    public void Java_object_walk_look_alike(string input) => AssertBenign(input, "ssti.java_object_walk");

    [TestCase("{php}echo 1;{/php}", TestName = "ssti.smarty_php_block positive: block")]
    public void Smarty_php_block(string input) => AssertFires(input, "ssti.smarty_php_block", F);

    [TestCase("the {php} tag is deprecated", TestName = "ssti.smarty_php_block look-alike: unclosed in prose")]
    public void Smarty_php_block_look_alike(string input) => AssertBenign(input, "ssti.smarty_php_block");

    [TestCase("{{6*6}}", TestName = "ssti.arithmetic_probe positive: Jinja")]
    [TestCase("<%= 5*5 %>", TestName = "ssti.arithmetic_probe positive: ERB")]
    [TestCase("#{3*3}", TestName = "ssti.arithmetic_probe positive: hash brace")]
    public void Arithmetic_probe(string input) => AssertFires(input, "ssti.arithmetic_probe", F);

    [TestCase("Ratio 3*3 = 9 in the {braces} example", TestName = "ssti.arithmetic_probe look-alike: arithmetic in prose")]
    public void Arithmetic_probe_look_alike(string input) => AssertBenign(input, "ssti.arithmetic_probe");

    [TestCase("<#7*7>", TestName = "ssti.directive_arithmetic positive: Freemarker-style directive")]
    public void Directive_arithmetic(string input) => AssertFires(input, "ssti.directive_arithmetic", F);

    [TestCase("<#2*2 items>", TestName = "ssti.directive_arithmetic look-alike: not a number expression")]
    public void Directive_arithmetic_look_alike(string input) => AssertBenign(input, "ssti.directive_arithmetic");

    [TestCase("{{ get_flashed_messages.__call__ }}", TestName = "ssti.object_walk positive: any dunder attribute")]
    public void Expression_call_walk(string input) => AssertFires(input, "ssti.object_walk", F);

    [TestCase("<%= `ls` %>", TestName = "ssti.expression_call positive: ERB backticks")]
    [TestCase("{{['id']|map('system')}}", TestName = "ssti.expression_call positive: Twig map callback")]
    public void Expression_call(string input) => AssertFires(input, "ssti.expression_call", F);

    // open() is also window.open to AngularJS, so either family may win; the template rule must still fire.
    [TestCase("{{ open('/tmp/x').read() }}", TestName = "ssti.expression_call positive: file read (ambiguous with a client template)")]
    public void Expression_call_ambiguous_with_client_templates(string input) => AssertFiresInThreat(input, "ssti.expression_call");

    [TestCase("{{ url_for('static', filename='a.css') }}", TestName = "ssti.template_call weak: ordinary call")]
    public void Template_call(string input) => AssertFiresWeakly(input, "ssti.template_call");

    [TestCase("{{config}}", TestName = "ssti.object_exposure positive: config")]
    [TestCase("<%= self %>", TestName = "ssti.object_exposure positive: ERB self")]
    [TestCase("{{app.request.query.all}}", TestName = "ssti.object_exposure positive: Twig app request")]
    public void Object_exposure(string input) => AssertFires(input, "ssti.object_exposure", F);

    [TestCase("Hello {{name}}, welcome!", TestName = "ssti.object_exposure look-alike: greeting placeholder")]
    public void Object_exposure_look_alike(string input) => AssertBenign(input, "ssti.object_exposure");

    [TestCase("{% set x = 'y' %}", TestName = "ssti.template_statement positive: set")]
    [TestCase("{% debug %}", TestName = "ssti.template_statement positive: debug")]
    [TestCase("<#assign v = 1>", TestName = "ssti.template_statement positive: Freemarker assign")]
    [TestCase("#set($v = 1)", TestName = "ssti.template_statement positive: Velocity set")]
    public void Template_statement(string input) => AssertFires(input, "ssti.template_statement", F);

    [TestCase("An attempt to improve Django's {% load %} tag handling", TestName = "ssti.template_statement look-alike: docs")]
    [TestCase("See the {% block content %} tag docs", TestName = "ssti.template_statement look-alike: block tag")]
    public void Template_statement_look_alike(string input) => AssertBenign(input, "ssti.template_statement");

    [TestCase("#{<%[%\"'}}%\\", TestName = "ssti.polyglot_probe positive: three engines")]
    [TestCase("<%=1%>#{2}{{3}}", TestName = "ssti.polyglot_probe positive: numbers in three engines")]
    public void Polyglot_probe(string input) => AssertFires(input, "ssti.polyglot_probe", F);

    [TestCase("{\"a\":{\"b\":[[1,2]]}}", TestName = "ssti.polyglot_probe look-alike: nested JSON")]
    public void Polyglot_probe_look_alike(string input) => AssertBenign(input, "ssti.polyglot_probe");

    [TestCase("{{1}}@*", TestName = "ssti.delimiter_probe positive: Jinja and Razor")]
    public void Delimiter_probe(string input) => AssertFires(input, "ssti.delimiter_probe", F);

    [TestCase("a {{b}} c ${d} e", TestName = "ssti.delimiter_probe look-alike: mixed placeholders in text")]
    public void Delimiter_probe_look_alike(string input) => AssertBenign(input, "ssti.delimiter_probe");

    [TestCase("{{ 42 }}", TestName = "ssti.literal_probe positive: number")]
    [TestCase("{{.}}", TestName = "ssti.literal_probe positive: current object")]
    [TestCase("x[[${2}]]", TestName = "ssti.literal_probe positive: Thymeleaf inlining")]
    public void Literal_probe(string input) => AssertFires(input, "ssti.literal_probe", F);

    [TestCase("[[1,2],[3,4]]", TestName = "ssti.literal_probe look-alike: JSON arrays")]
    public void Literal_probe_look_alike(string input) => AssertBenign(input, "ssti.literal_probe");
}
