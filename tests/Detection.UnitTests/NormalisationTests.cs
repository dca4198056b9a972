using InfiniteSecurity.Detection.Normalisation;

namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class NormalisationTests
{
    [Test]
    public void Url_decoding_iterates_to_a_fixpoint_and_counts_depth()
    {
        var n = InputNormaliser.Normalise("%25252e%25252e%25252f");
        Assert.Multiple(() =>
        {
            Assert.That(n.Decoded.Text, Is.EqualTo("../"));
            Assert.That(n.ObfuscationDepth, Is.GreaterThanOrEqualTo(3));
            Assert.That(n.Views[0].Name, Is.EqualTo("raw"));
            Assert.That(n.Views[0].Text, Is.EqualTo("%25252e%25252e%25252f"));
        });
    }

    [Test]
    public void Url_decoding_is_bounded_for_pathological_nesting()
    {
        var input = "%" + string.Concat(Enumerable.Repeat("25", 50)) + "41";
        var n = InputNormaliser.Normalise(input);
        Assert.That(n.ObfuscationDepth, Is.LessThanOrEqualTo(InputNormaliser.MaxRounds * 2));
    }

    [TestCase("%u003Cscript%u003E", "<script>")]
    [TestCase("%e0%80%ae%c0%ae%c0%af", "../")]
    [TestCase("%e0%80%ae", ".")]
    [TestCase("a+b", "a b")]
    public void Percent_u_and_overlong_utf8_decode(string input, string expected) =>
        Assert.That(InputNormaliser.Normalise(input).Decoded.Text, Is.EqualTo(expected));

    [TestCase("&lt;img&gt;", "<img>")]
    [TestCase("&#60;&#x3C;&#0000060", "<<<")]
    [TestCase("&ltb&gt", "<b>")]
    [TestCase("javascript&colon;x&lpar;1&rpar;", "javascript:x(1)")]
    public void Html_entities_decode_named_numeric_and_without_semicolon(string input, string expected) =>
        Assert.That(HtmlEntityDecoder.Decode(input), Is.EqualTo(expected));

    [TestCase("\\x3cb\\x3e", "<b>")]
    [TestCase("\\u003cb\\u003e", "<b>")]
    [TestCase("\\074b\\076", "<b>")]
    [TestCase("+ADw-b+AD4-", "<b>")]
    [TestCase("0x3c0x2f0x3e", "</>")]
    public void Backslash_utf7_and_hex_literal_escapes_decode(string input, string expected) =>
        Assert.That(EscapeDecoder.Decode(input), Is.EqualTo(expected));

    [Test]
    public void Sql_hex_strings_are_not_decoded_as_hex_literals() =>
        Assert.That(EscapeDecoder.Decode("0x414243"), Is.EqualTo("0x414243"));

    [Test]
    public void Full_width_forms_fold_to_ascii_and_nul_is_removed()
    {
        var n = InputNormaliser.Normalise("\uFF1Cscript\uFF1E..\0/");
        Assert.Multiple(() =>
        {
            Assert.That(n.Decoded.Text, Is.EqualTo("<script>../"));
            Assert.That(n.ContainedNul, Is.True);
            Assert.That(n.Decoded.Name, Does.Contain("unicode"));
        });
    }

    [Test]
    public void Canonical_view_folds_case_comments_and_whitespace_variants()
    {
        var n = InputNormaliser.Normalise("UN/**/ION\t\u00A0SeLeCt/*!50000 ALL*/x");
        Assert.That(n.Canonical.Text, Is.EqualTo("un ion select all x"));
    }

    [Test]
    public void Unchanged_input_has_a_single_raw_view_and_no_depth()
    {
        var n = InputNormaliser.Normalise("plain text");
        Assert.Multiple(() =>
        {
            Assert.That(n.Views, Has.Count.EqualTo(1));
            Assert.That(n.ObfuscationDepth, Is.Zero);
        });
    }
}
