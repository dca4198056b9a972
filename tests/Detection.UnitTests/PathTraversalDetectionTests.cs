using InfiniteSecurity.Detection;
using static InfiniteSecurity.Detection.UnitTests.DetectionAssertions;

namespace InfiniteSecurity.Detection.UnitTests;

[TestFixture]
public sealed class PathTraversalDetectionTests
{
    [TestCase("../../../var/log/auth.log")]
    [TestCase("..\\..\\..\\boot.ini")]
    [TestCase("%2e%2e%2f%2e%2e%2fetc%2fgroup")]
    [TestCase("%252e%252e%252f%252e%252e%252fetc%252fgroup")]
    [TestCase("..%c0%af..%c0%afetc/issue")]
    [TestCase("....//....//....//etc/hostname")]
    [TestCase("..%u2216..%u2216windows\\system.ini")]
    [TestCase("\uFF0E\uFF0E\uFF0F\uFF0E\uFF0E\uFF0Fetc\uFF0Fissue")]
    public void Parent_directory_climbs_are_detected_in_any_encoding(string input) => AssertDetectedAs(input, ThreatCategory.PathTraversal);

    [TestCase("file=/proc/self/environ")]
    [TestCase("/etc/shadow")]
    [TestCase("C:\\Windows\\System32\\drivers\\etc\\hosts")]
    public void Sensitive_absolute_paths_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.PathTraversal);

    [TestCase("php://filter/read=string.rot13/resource=config.inc")]
    [TestCase("file:///etc/issue")]
    public void Stream_wrappers_are_detected(string input) => AssertDetectedAs(input, ThreatCategory.PathTraversal);

    [Test]
    public void Nul_truncation_raises_confidence()
    {
        var plain = AnalyzerFactory.Shared.Analyze("../../etc/issue");
        var truncated = AnalyzerFactory.Shared.Analyze("../../etc/issue%00.png");
        Assert.That(truncated.Confidence, Is.GreaterThan(plain.Confidence));
    }

    [TestCase("See ../README.md for details")]
    [TestCase("Loading... please wait")]
    [TestCase("/usr/share/doc/package/copyright")]
    [TestCase("Cross-platform `/dev/null` helper")]
    public void Relative_links_and_ordinary_paths_stay_benign(string input) => AssertBenign(input);
}
