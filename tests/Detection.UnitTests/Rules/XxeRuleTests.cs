namespace InfiniteSecurity.Detection.UnitTests.Rules;

[TestFixture]
public sealed class XxeRuleTests
{
    [TestCase("xxe.external_entity", "<!DOCTYPE q [<!ENTITY f SYSTEM \"http://oob.test/\">]><q>&f;</q>", TestName = "xxe.external_entity positive: SYSTEM identifier")]
    [TestCase("xxe.external_entity", "<!DOCTYPE q [<!ENTITY f PUBLIC \"-//x\" \"http://oob.test/p\">]>", TestName = "xxe.external_entity positive: PUBLIC identifier")]
    [TestCase("xxe.parameter_entity", "<!DOCTYPE q [<!ENTITY % r SYSTEM \"http://oob.test/r.dtd\"> %r;]>", TestName = "xxe.parameter_entity positive: out-of-band DTD")]
    [TestCase("xxe.parameter_entity", "<!DOCTYPE q [ %remote; ]>", TestName = "xxe.parameter_entity positive: reference in the subset")]
    [TestCase("xxe.entity_expansion", "<!DOCTYPE b [<!ENTITY a \"x\"><!ENTITY c \"&a;&a;&a;&a;\">]><b>&c;</b>", TestName = "xxe.entity_expansion positive: nested entities")]
    [TestCase("xxe.entity_declaration", "<!ENTITY greeting \"hi\">", TestName = "xxe.entity_declaration positive: internal entity")]
    [TestCase("xxe.external_dtd", "<!DOCTYPE note SYSTEM \"http://oob.test/n.dtd\"><note/>", TestName = "xxe.external_dtd positive: external DTD")]
    [TestCase("xxe.xinclude", "<d xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/group\" parse=\"text\"/></d>", TestName = "xxe.xinclude positive: XInclude text")]
    [TestCase("xxe.local_resource_reference", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"file:///etc/issue\"/></svg>", TestName = "xxe.local_resource_reference positive: SVG image of a local file")]
    [TestCase("xxe.entity_reference", "<!DOCTYPE s [<!ENTITY t SYSTEM \"file:///etc/motd\">]><s>&t;</s>", TestName = "xxe.entity_reference positive: declared entity used")]
    public void Fires(string rule, string input) => RuleAssert.Fires(input, rule);

    [TestCase("<!DOCTYPE html><html><body>Tom &amp; Jerry</body></html>", TestName = "xxe.external_dtd negative: HTML5 doctype")]
    [TestCase("<note><to>Ann</to><body>5 &lt; 6</body></note>", TestName = "xxe.entity_reference negative: predefined entities only")]
    [TestCase("The <!ENTITY> keyword declares entities in a DTD", TestName = "xxe.entity_declaration negative: keyword in prose")]
    [TestCase("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"#icon\"/></svg>", TestName = "xxe.local_resource_reference negative: fragment link in an icon")]
    public void Stays_benign(string input) => RuleAssert.Benign(input);

    [TestCase("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>", TestName = "xxe typed: file target does not outrank the entity")]
    [TestCase("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///c:/windows/win.ini\">]><r>&x;</r>", TestName = "xxe typed: Windows file target")]
    [TestCase("<svg xmlns=\"http://www.w3.org/2000/svg\"><!DOCTYPE svg [<!ENTITY z SYSTEM \"file:///etc/hostname\">]><text>&z;</text></svg>", TestName = "xxe typed: SVG payload")]
    [TestCase("<!DOCTYPE r [<!ENTITY % a SYSTEM \"http://127.0.0.1/x.dtd\"> %a;]>", TestName = "xxe typed: internal OOB host")]
    public void Typed_xxe(string input) => RuleAssert.Typed(input, ThreatCategory.Xxe);
}
