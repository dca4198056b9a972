using InfiniteSecurity.Application.Inspection.Common;

namespace InfiniteSecurity.Application.UnitTests;

public sealed class RequestTargetTests
{
    [TestCase("/search?q=%27x", "/search?q=%27x", null)]
    [TestCase("https://shop.test/a/b?x=1", "/a/b?x=1", "shop.test")]
    [TestCase("http://shop.test:8080", "/", "shop.test:8080")]
    [TestCase("http://shop.test?x=1", "/?x=1", "shop.test")]
    [TestCase("https://shop.test/p#fragment", "/p", "shop.test")]
    public void Urls_split_into_the_target_as_sent_and_the_authority(string url, string target, string? authority)
    {
        Assert.That(RequestTarget.TrySplit(url, out var t, out var a), Is.True);
        Assert.That(t, Is.EqualTo(target), "the path and query are kept byte for byte");
        Assert.That(a, Is.EqualTo(authority));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("search?q=1")]
    [TestCase("ftp://shop.test/x")]
    [TestCase("http:///x")]
    [TestCase("http://user:pw@shop.test/x")]
    [TestCase("/a b")]
    [TestCase("/a\r\nb")]
    public void Anything_else_is_refused(string? url) =>
        Assert.That(RequestTarget.TrySplit(url, out _, out _), Is.False);
}
