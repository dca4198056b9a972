namespace InfiniteSecurity.Detection.UnitTests.Rules;

[TestFixture]
public sealed class HeaderRuleTests
{
    [TestCase("crlf.header_injection", "%0d%0aSet-Cookie:%20sid=1", TestName = "crlf.header_injection positive: encoded CRLF then cookie")]
    [TestCase("crlf.header_injection", "x%0A%20X-Probe:1", TestName = "crlf.header_injection positive: folded header")]
    [TestCase("crlf.header_injection", "%E5%98%8A%E5%98%8DX-Probe:%201", TestName = "crlf.header_injection positive: UTF-8 low-byte trick")]
    [TestCase("crlf.header_injection", "\\r\\nX-Probe: 1", TestName = "crlf.header_injection positive: literal escapes")]
    [TestCase("crlf.header_injection", "v\r\nSet-Cookie: a=b", TestName = "crlf.header_injection positive: raw break then cookie")]
    [TestCase("crlf.response_splitting", "%0d%0aContent-Length:%200%0d%0a%0d%0a<b>x</b>", TestName = "crlf.response_splitting positive: header then body")]
    [TestCase("crlf.injected_body", "%0a<b>x</b>", TestName = "crlf.injected_body positive: markup after break")]
    [TestCase("crlf.encoded_line_break", "%250d%250a", TestName = "crlf.encoded_line_break positive: double encoded")]
    [TestCase("crlf.encoded_line_break", "%23%0d%0a", TestName = "crlf.encoded_line_break positive: after a hash")]
    [TestCase("mail.header_injection", "Re: order%0ASubject: win", TestName = "mail.header_injection positive: subject field")]
    [TestCase("mail.address_header_injection", "me@x.test%0ACc:you@y.test", TestName = "mail.address_header_injection positive: address field")]
    [TestCase("mail.address_header_injection", "me@x.test\nBcc: you@y.test", TestName = "mail.address_header_injection positive: raw break after address")]
    [TestCase("mail.body_injection", "from:me@x.test%0A%0AHello%20there", TestName = "mail.body_injection positive: blank line after address")]
    [TestCase("mail.sendmail_argument", "me@x.test -X/srv/www/out.php", TestName = "mail.sendmail_argument positive: log file option")]
    [TestCase("mail.address_header_injection", "\nBcc: list@y.test", TestName = "mail.address_header_injection positive: raw break opens the value")]
    [TestCase("mail.address_header_injection", "Ann <ann@x.test>%0ABcc: eve@y.test", TestName = "mail.address_header_injection positive: display name and address")]
    [TestCase("crlf.header_injection", "/home?lang=en%0d%0aSet-Cookie:%20sid=1", TestName = "crlf.header_injection positive: after a query string")]
    public void Fires(string rule, string input) => RuleAssert.Fires(input, rule);

    [TestCase("first line\nname: value\nthird line", TestName = "crlf.header_injection negative: multi-line text")]
    [TestCase("content-length: 98\r\ncontent-type: application/json\r\nx-id: 7", TestName = "crlf.header_injection negative: pasted header dump")]
    [TestCase("Error: request failed. status: 0.%0A%20%0A%20url:%20https://x.test/", TestName = "crlf.header_injection negative: encoded log text")]
    [TestCase("hello%0Aworld and more words", TestName = "crlf.encoded_line_break negative: form-encoded text")]
    [TestCase("From: Ann\nTo: Bob\nSubject: lunch", TestName = "mail.header_injection negative: pasted e-mail")]
    [TestCase("------b1\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nvalue", TestName = "crlf.header_injection negative: multipart body")]
    [TestCase("me@x.test -- see the x-ray notes", TestName = "mail.sendmail_argument negative: dash in a sentence")]
    [TestCase("{\"user\":\"ann@example.org\",\"headers\":\"server: x\\r\\ncontent-type: text/html\"}", TestName = "mail.address_header_injection negative: JSON document with logged headers and an address")]
    [TestCase("[{\"from\":\"ann@example.org\",\"text\":\"hi\\nCc: team\"}]", TestName = "mail.header_injection negative: JSON array with a mail-like line")]
    [TestCase("{\"name\":\"probe\",\"rule\":\"id: x\\ntransport: http\\nmethod: GET\"}", TestName = "crlf.header_injection negative: YAML inside a JSON document")]
    [TestCase("<?xml version=\"1.0\"?><r><h>a\\r\\nLocation: /b</h></r>", TestName = "crlf.header_injection negative: escaped break inside an XML document")]
    public void Stays_benign(string input) => RuleAssert.Benign(input);
}
