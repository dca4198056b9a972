using System.Diagnostics;
using System.Text;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Detection.UnitTests.Requests;

/// <summary>Requests built to make a parser or the inspector go quadratic finish within a bounded time.</summary>
[TestFixture]
public sealed class PathologicalRequestTests
{
    private static readonly RequestInspector Inspector = new(AnalyzerFactory.Shared);

    // A complexity guard, not a speed figure: each input is large enough that quadratic work would take minutes,
    // while linear work takes well under a second, so the bound can be generous enough for a loaded CI machine.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static void Within(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        Assert.That(watch.Elapsed, Is.LessThan(Bound));
    }

    private static HttpRequestData Body(string contentType, string body) =>
        new("POST", "/p", [new("Content-Type", contentType)], Encoding.UTF8.GetBytes(body));

    [Test]
    public void Many_multipart_parts_without_blank_lines()
    {
        var body = string.Concat(Enumerable.Repeat("--b\r\nContent-Disposition: form-data; name=\"x\"\r\nvalue\r\n", 20_000)) + "--b--";
        Within(() => Inspector.Inspect(Body("multipart/form-data; boundary=b", body)));
    }

    [Test]
    public void Long_runs_of_encoded_percent_signs_and_line_breaks_in_a_query()
    {
        var q = Uri.EscapeDataString(string.Concat(Enumerable.Repeat("%25", 60_000)) + new string('\n', 60_000));
        Within(() => Inspector.Inspect(new HttpRequestData("GET", "/p?a=" + q, [], ReadOnlyMemory<byte>.Empty)));
    }

    [Test]
    public void Tens_of_thousands_of_folded_header_lines()
    {
        var raw = "GET / HTTP/1.1\r\nX-Long: a\r\n" + string.Concat(Enumerable.Repeat(" b\r\n", 50_000)) + "\r\n";
        Within(() => HttpRequestData.Parse(Encoding.ASCII.GetBytes(raw), RequestLimits.Default));
    }

    [Test]
    public void Json_strings_holding_json_holding_urls()
    {
        var inner = "{\"u\":\"https://a.example.org/?x=1&y=2&z=3\"}";
        var body = "[" + string.Join(',', Enumerable.Repeat(System.Text.Json.JsonSerializer.Serialize(inner), 8_000)) + "]";
        Within(() =>
        {
            var v = Inspector.Inspect(Body("application/json", body));
            Assert.That(v.Problems, Has.Some.Contains("more than 2000 values"));
        });
    }
}
