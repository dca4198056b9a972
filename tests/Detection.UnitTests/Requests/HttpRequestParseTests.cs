using System.Text;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Detection.UnitTests.Requests;

[TestFixture]
public sealed class HttpRequestParseTests
{
    private static HttpRequestData Parse(string raw, RequestLimits? limits = null) =>
        HttpRequestData.Parse(Encoding.UTF8.GetBytes(raw), limits ?? RequestLimits.Default);

    private static string ParseError(string raw, RequestLimits? limits = null)
    {
        var e = Assert.Throws<RequestFormatException>(() => Parse(raw, limits))!;
        return e.Message;
    }

    [Test]
    public void Request_line_headers_and_content_length_body_are_read()
    {
        var r = Parse("POST /cart/add?item=7 HTTP/1.1\r\nHost: shop.example.test\r\nContent-Length: 5\r\n\r\nqty=2");
        Assert.Multiple(() =>
        {
            Assert.That(r.Method, Is.EqualTo("POST"));
            Assert.That(r.Target, Is.EqualTo("/cart/add?item=7"));
            Assert.That(r.RawPath, Is.EqualTo("/cart/add"));
            Assert.That(r.RawQuery, Is.EqualTo("item=7"));
            Assert.That(r.Host, Is.EqualTo("shop.example.test"));
            Assert.That(Encoding.UTF8.GetString(r.Body.Span), Is.EqualTo("qty=2"));
        });
    }

    [Test]
    public void Content_length_ends_the_body_even_when_more_bytes_follow()
    {
        var r = Parse("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcdef");
        Assert.That(Encoding.UTF8.GetString(r.Body.Span), Is.EqualTo("abc"));
    }

    [Test]
    public void Duplicate_headers_are_kept_in_order_and_folded_lines_are_joined()
    {
        var r = Parse("GET / HTTP/1.1\r\nX-Tag: one\r\nX-Note: first part\r\n  second part\r\nX-Tag: two\r\n\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(r.Headers.Where(h => h.Key == "X-Tag").Select(h => h.Value), Is.EqualTo(new[] { "one", "two" }));
            Assert.That(r.Header("x-note"), Is.EqualTo("first part second part"));
        });
    }

    [Test]
    public void Chunked_body_is_reassembled_with_extensions_and_trailers_dropped()
    {
        var r = Parse("POST /upload HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;name=x\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: t\r\n\r\n");
        Assert.That(Encoding.UTF8.GetString(r.Body.Span), Is.EqualTo("Wikipedia"));
    }

    [Test]
    public void Bare_line_feeds_are_accepted()
    {
        var r = Parse("GET /a?b=1 HTTP/1.0\nHost: shop.example.test\n\n");
        Assert.That(r.Header("Host"), Is.EqualTo("shop.example.test"));
    }

    [Test]
    public void Absolute_form_target_gives_its_path()
    {
        var r = Parse("GET http://shop.example.test/lamps?x=1 HTTP/1.1\r\n\r\n");
        Assert.That((r.RawPath, r.RawQuery), Is.EqualTo(("/lamps", "x=1")));
    }

    [TestCase("", "empty message")]
    [TestCase("GET /\r\n\r\n", "request line")]
    [TestCase("GET / HTTP/2.0\r\n\r\n", "HTTP/1.x")]
    [TestCase("G(T / HTTP/1.1\r\n\r\n", "method")]
    [TestCase("GET / HTTP/1.1\r\nNoColonHere\r\n\r\n", "header line 1")]
    [TestCase("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", "field name")]
    [TestCase("GET / HTTP/1.1\r\n  folded first\r\n\r\n", "continuation")]
    [TestCase("GET / HTTP/1.1\r\nHost: a", "not terminated")]
    [TestCase("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", "truncated")]
    [TestCase("POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\nabc", "Content-Length")]
    [TestCase("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "two Content-Length")]
    [TestCase("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "smuggling")]
    [TestCase("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nabc", "does not end with chunked")]
    [TestCase("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", "hexadecimal chunk size")]
    [TestCase("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc", "truncated")]
    public void Malformed_messages_are_rejected_with_a_message_saying_what_is_wrong(string raw, string expected) =>
        Assert.That(ParseError(raw), Does.Contain(expected));

    [Test]
    public void Too_many_header_fields_is_a_format_error_not_a_crash()
    {
        var raw = "GET / HTTP/1.1\r\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"X-H{i}: v\r\n")) + "\r\n";
        Assert.That(ParseError(raw, new RequestLimits(MaxValues: 10)), Does.Contain("more than 10 header fields"));
    }

    [Test]
    public void A_short_body_is_accepted_only_when_asked()
    {
        var raw = Encoding.UTF8.GetBytes("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        var r = HttpRequestData.Parse(raw, RequestLimits.Default, allowShortBody: true);
        Assert.That(Encoding.UTF8.GetString(r.Body.Span), Is.EqualTo("abc"));
    }

    [Test]
    public void Random_bytes_never_escape_as_anything_but_a_format_error()
    {
        var random = new Random(12345);
        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            if (i % 3 == 0)
            {
                var prefix = "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray();
                bytes = [.. prefix, .. bytes];
            }

            try
            {
                HttpRequestData.Parse(bytes, RequestLimits.Default);
            }
            catch (RequestFormatException)
            {
            }
        }

        Assert.Pass();
    }
}
