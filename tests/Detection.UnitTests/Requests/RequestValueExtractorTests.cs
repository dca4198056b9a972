using System.Text;
using InfiniteSecurity.Detection.Requests;
using static InfiniteSecurity.Detection.UnitTests.Requests.RawRequests;

namespace InfiniteSecurity.Detection.UnitTests.Requests;

[TestFixture]
public sealed class RequestValueExtractorTests
{
    [Test]
    public void Path_is_decoded_once_and_segments_that_are_more_than_words_get_their_own_location()
    {
        var e = Values(Get("/files/report%20final/%252e%252e/list"));
        Assert.Multiple(() =>
        {
            Assert.That(e.ValueAt("path"), Is.EqualTo("/files/report final/%2e%2e/list"));
            Assert.That(e.ValueAt("path:2"), Is.EqualTo("report final"));
            Assert.That(e.ValueAt("path:3"), Is.EqualTo("%2e%2e"), "the second level of encoding is the engine's");
            Assert.That(e.Locations(), Does.Not.Contain("path:1"), "a plain word adds nothing to the whole path");
        });
    }

    [Test]
    public void Invalid_utf8_escapes_are_left_encoded_for_the_engine()
    {
        var e = Values(Get("/static/%c0%ae%c0%ae/x"));
        Assert.That(e.ValueAt("path"), Is.EqualTo("/static/%c0%ae%c0%ae/x"));
    }

    [Test]
    public void Query_keeps_repeated_keys_and_bracket_names_as_written()
    {
        var e = Values(Get("/search?tag=red&tag=blue&filter%5Bcolour%5D=green&q=two+words"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Values.Where(v => v.Location == "query:tag").Select(v => v.Value), Is.EqualTo(new[] { "red", "blue" }));
            Assert.That(e.ValueAt("query:filter[colour]"), Is.EqualTo("green"));
            Assert.That(e.ValueAt("query-key:filter[colour]"), Is.EqualTo("filter[colour]"));
            Assert.That(e.ValueAt("query:q"), Is.EqualTo("two words"));
        });
    }

    [Test]
    public void Cookie_header_is_split_into_named_values_and_not_kept_whole()
    {
        var e = Values(Get("/", "Cookie: sid=ab12; theme=dark;  lang=\"en%2DGB\""));
        Assert.Multiple(() =>
        {
            Assert.That(e.ValueAt("cookie:sid"), Is.EqualTo("ab12"));
            Assert.That(e.ValueAt("cookie:theme"), Is.EqualTo("dark"));
            Assert.That(e.ValueAt("cookie:lang"), Is.EqualTo("en-GB"));
            Assert.That(e.Locations(), Does.Not.Contain("header:Cookie"));
        });
    }

    [Test]
    public void A_cookie_holding_json_is_walked_as_json()
    {
        var json = Uri.EscapeDataString("{\"cart\":{\"items\":[\"lamp\",\"desk\"]},\"coupon\":\"SPRING\"}");
        var e = Values(Get("/", $"Cookie: state={json}"));
        Assert.Multiple(() =>
        {
            Assert.That(e.ValueAt("cookie:state$.cart.items[1]"), Is.EqualTo("desk"));
            Assert.That(e.ValueAt("cookie:state$.coupon"), Is.EqualTo("SPRING"));
            Assert.That(e.ValueAt("cookie-key:state$.cart"), Is.EqualTo("cart"));
            Assert.That(e.Values.Single(v => v.Location == "cookie:state").Shape, Is.EqualTo(ValueShape.Document));
        });
    }

    [Test]
    public void Query_value_holding_json_is_walked_with_the_parameter_name_as_prefix()
    {
        var e = Values(Get("/list?filter=" + Uri.EscapeDataString("{\"a\":{\"b\":\"c\"}}")));
        Assert.That(e.ValueAt("query:filter$.a.b"), Is.EqualTo("c"));
    }

    [Test]
    public void Headers_are_named_values_as_sent()
    {
        var e = Values(Get("/", "X-Forwarded-For: 203.0.113.9"));
        Assert.Multiple(() =>
        {
            Assert.That(e.ValueAt("header:X-Forwarded-For"), Is.EqualTo("203.0.113.9"));
            Assert.That(e.ValueAt("header:User-Agent"), Does.StartWith("Mozilla/5.0"));
        });
    }

    [Test]
    public void Form_body_is_split_and_decoded_once()
    {
        var e = Values(Post("/profile", "application/x-www-form-urlencoded; charset=UTF-8", "name=Ann+Lee&bio=line%0Aline&bio=again&pct=%2541"));
        Assert.Multiple(() =>
        {
            Assert.That(e.ValueAt("form:name"), Is.EqualTo("Ann Lee"));
            Assert.That(e.Values.Where(v => v.Location == "form:bio").Select(v => v.Value), Is.EqualTo(new[] { "line\nline", "again" }));
            Assert.That(e.ValueAt("form:pct"), Is.EqualTo("%41"));
        });
    }

    [Test]
    public void Json_body_gives_values_keys_and_the_whole_document()
    {
        var body = "{\"user\":{\"name\":\"Ann\",\"tags\":[\"a\",{\"k\":\"v\"}],\"age\":30,\"odd key\":\"x\"}}";
        var e = Values(Post("/api/users", "application/json", body));
        Assert.Multiple(() =>
        {
            Assert.That(e.ValueAt("body:$.user.name"), Is.EqualTo("Ann"));
            Assert.That(e.ValueAt("body:$.user.tags[0]"), Is.EqualTo("a"));
            Assert.That(e.ValueAt("body:$.user.tags[1].k"), Is.EqualTo("v"));
            Assert.That(e.ValueAt("body:$.user['odd key']"), Is.EqualTo("x"));
            Assert.That(e.ValueAt("body-key:$.user"), Is.EqualTo("user"));
            Assert.That(e.ValueAt("body-key:$.user.name"), Is.EqualTo("name"));
            Assert.That(e.Locations(), Does.Not.Contain("body:$.user.age"), "numbers carry no text");
            Assert.That(e.Values.Single(v => v.Location == "body").Shape, Is.EqualTo(ValueShape.Document));
        });
    }

    [TestCase("application/vnd.api+json")]
    [TestCase("application/problem+json; charset=utf-8")]
    [TestCase("text/plain;charset=UTF-8")]
    public void Json_is_recognised_by_suffix_and_when_sent_as_text(string contentType)
    {
        var e = Values(Post("/api", contentType, "{\"a\":\"b\"}"));
        Assert.That(e.ValueAt("body:$.a"), Is.EqualTo("b"));
    }

    [Test]
    public void Ndjson_body_is_one_document_per_line()
    {
        var e = Values(Post("/logs", "application/x-ndjson", "{\"m\":\"one\"}\n{\"m\":\"two\"}\n"));
        Assert.Multiple(() =>
        {
            Assert.That(e.ValueAt("body:1$.m"), Is.EqualTo("one"));
            Assert.That(e.ValueAt("body:2$.m"), Is.EqualTo("two"));
        });
    }

    [Test]
    public void Malformed_json_is_a_problem_and_the_body_is_analysed_as_text()
    {
        var e = Values(Post("/api", "application/json", "{\"a\": \"unterminated"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Problems, Has.Some.Contains("malformed JSON"));
            Assert.That(e.Values.Single(v => v.Location == "body").Shape, Is.EqualTo(ValueShape.Text));
        });
    }

    [Test]
    public void Json_deeper_than_the_limit_is_a_problem_not_an_exception()
    {
        var deep = new string('[', 50) + new string(']', 50);
        var e = Values(Post("/api", "application/json", deep), new RequestLimits(MaxDepth: 8));
        Assert.That(e.Problems, Has.Some.Contains("malformed JSON"));
    }

    private const string Boundary = "----formboundary7MA4";

    private static string Multipart(params (string Headers, string Content)[] parts) =>
        string.Concat(parts.Select(p => $"--{Boundary}\r\n{p.Headers}\r\n\r\n{p.Content}\r\n")) + $"--{Boundary}--\r\n";

    [Test]
    public void Multipart_gives_text_parts_file_names_and_types_but_not_binary_contents()
    {
        var body = Multipart(
            ("Content-Disposition: form-data; name=\"title\"", "Holiday"),
            ("Content-Disposition: form-data; name=\"photo\"; filename=\"beach;1.png\"\r\nContent-Type: image/png", "\u0089PNG\0\0binary"),
            ("Content-Disposition: form-data; name=\"notes\"; filename=\"notes.txt\"\r\nContent-Type: text/plain", "packing list"));
        var e = Values(Post("/upload", $"multipart/form-data; boundary={Boundary}", body));
        Assert.Multiple(() =>
        {
            Assert.That(e.ValueAt("multipart:title"), Is.EqualTo("Holiday"));
            Assert.That(e.ValueAt("multipart:photo.filename"), Is.EqualTo("beach;1.png"));
            Assert.That(e.ValueAt("multipart:photo.content-type"), Is.EqualTo("image/png"));
            Assert.That(e.Locations(), Does.Not.Contain("multipart:photo"));
            Assert.That(e.ValueAt("multipart:notes"), Is.EqualTo("packing list"));
        });
    }

    [Test]
    public void Multipart_without_closing_boundary_is_a_problem_and_analysed_as_text()
    {
        var body = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue";
        var e = Values(Post("/upload", $"multipart/form-data; boundary={Boundary}", body));
        Assert.Multiple(() =>
        {
            Assert.That(e.Problems, Has.Some.Contains("malformed multipart"));
            Assert.That(e.ValueAt("body"), Does.Contain("value"));
        });
    }

    [Test]
    public void Xml_is_analysed_whole_and_by_text_node_and_attribute()
    {
        var xml = "<?xml version=\"1.0\"?><order id=\"17\"><item sku=\"L-2\">lamp</item><note><![CDATA[fragile]]></note></order>";
        var e = Values(Post("/soap", "text/xml; charset=utf-8", xml));
        Assert.Multiple(() =>
        {
            Assert.That(e.ValueAt("body"), Is.EqualTo(xml));
            Assert.That(e.ValueAt("body:/order/@id"), Is.EqualTo("17"));
            Assert.That(e.ValueAt("body:/order/item"), Is.EqualTo("lamp"));
            Assert.That(e.ValueAt("body:/order/item/@sku"), Is.EqualTo("L-2"));
            Assert.That(e.ValueAt("body:/order/note"), Is.EqualTo("fragile"));
        });
    }

    [Test]
    public void Xml_with_a_doctype_is_still_kept_whole_and_nothing_external_is_resolved()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><r>&e;</r>";
        var e = Values(Post("/soap", "application/soap+xml", xml));
        Assert.That(e.ValueAt("body"), Is.EqualTo(xml));
    }

    [Test]
    public void Malformed_xml_is_a_problem_and_the_body_is_text()
    {
        var e = Values(Post("/soap", "application/xml", "<a><b></a>"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Problems, Has.Some.Contains("malformed XML"));
            Assert.That(e.Values.Single(v => v.Location == "body").Shape, Is.EqualTo(ValueShape.Text));
        });
    }

    [TestCase("application/x-protobuf")]
    [TestCase("application/octet-stream")]
    [TestCase("image/jpeg")]
    public void Binary_bodies_are_skipped_with_a_note(string contentType)
    {
        var e = Values(Post("/bin", contentType, "\u0001\u0002abc"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Locations(), Does.Not.Contain("body"));
            Assert.That(e.Problems, Has.Some.Contains("binary type"));
        });
    }

    [Test]
    public void Plain_text_body_is_one_value()
    {
        var e = Values(Post("/note", "text/plain", "Dear team,\r\nthe lamp arrived."));
        Assert.That(e.ValueAt("body"), Is.EqualTo("Dear team,\r\nthe lamp arrived."));
    }

    [Test]
    public void A_url_value_is_split_into_its_parameters_decoded_once_more()
    {
        var e = Values(Get("/track?from=" + Uri.EscapeDataString("https://news.example.org/a?id=5&ref=x%2Fy")));
        Assert.Multiple(() =>
        {
            Assert.That(e.Values.Single(v => v.Location == "query:from").Shape, Is.EqualTo(ValueShape.Composite));
            Assert.That(e.ValueAt("query:from?id"), Is.EqualTo("5"));
            Assert.That(e.ValueAt("query:from?ref"), Is.EqualTo("x/y"));
        });
    }

    [Test]
    public void Value_limit_stops_extraction_with_a_problem()
    {
        var target = "/q?" + string.Join('&', Enumerable.Range(0, 50).Select(i => $"p{i}=v"));
        var e = Values(Get(target), new RequestLimits(MaxValues: 20));
        Assert.Multiple(() =>
        {
            Assert.That(e.Values, Has.Count.EqualTo(20));
            Assert.That(e.Problems, Has.Some.Contains("more than 20 values"));
        });
    }

    [Test]
    public void Character_limit_stops_extraction_with_a_problem()
    {
        var e = Values(Get("/q?a=" + new string('x', 500) + "&b=" + new string('y', 500)), new RequestLimits(MaxTotalChars: 800));
        Assert.Multiple(() =>
        {
            Assert.That(e.Locations(), Does.Not.Contain("query:b"));
            Assert.That(e.Problems, Has.Some.Contains("more than 800 characters"));
        });
    }

    [Test]
    public void Body_over_the_limit_is_not_analysed_and_says_so()
    {
        var e = Values(Post("/api", "application/json", "{\"a\":\"" + new string('x', 2_000) + "\"}"), new RequestLimits(MaxBodyBytes: 1_000));
        Assert.Multiple(() =>
        {
            Assert.That(e.Locations().Where(l => l.StartsWith("body", StringComparison.Ordinal)), Is.Empty);
            Assert.That(e.Problems, Has.Some.Contains("over the limit of 1000"));
        });
    }

    [Test]
    public void Compressed_body_is_not_analysed_and_says_so()
    {
        var e = Values(Post("/api", "application/json", "\u001f\u008b..", "Content-Encoding: gzip"));
        Assert.That(e.Problems, Has.Some.Contains("Content-Encoding"));
    }

    [Test]
    public void Extraction_of_random_bodies_never_throws()
    {
        var random = new Random(99);
        string[] types = ["application/json", "multipart/form-data; boundary=zz", "text/xml", "application/x-www-form-urlencoded", "text/plain", "application/x-ndjson"];
        for (var i = 0; i < 600; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            var text = i % 2 == 0 ? Encoding.Latin1.GetString(bytes) : "--zz\r\n{\"a\":[<x>" + Encoding.Latin1.GetString(bytes);
            var request = new HttpRequestData("POST", "/r?x=%zz&" + text.Length, [new("Content-Type", types[i % types.Length])], Encoding.UTF8.GetBytes(text));
            Assert.That(() => RequestValueExtractor.Extract(request), Throws.Nothing);
        }
    }
}
