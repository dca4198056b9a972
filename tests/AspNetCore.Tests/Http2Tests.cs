using System.Net;
using System.Text;
using System.Text.Json;
using InfiniteSecurity.AspNetCore.Tests.Infrastructure;

namespace InfiniteSecurity.AspNetCore.Tests;

/// <summary>HTTP/2 has no request line and may send a body without a length; the middleware must see the same request.</summary>
public sealed class Http2Tests
{
    private ProtectedHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await ProtectedHost.StartAsync(http2Only: true);

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [SetUp]
    public void Forget() => _host.Executions.Clear();

    private static HttpContent StreamedJson(string json)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        return content;
    }

    [Test]
    public async Task Over_http2_an_attack_in_the_query_is_blocked()
    {
        using var response = await _host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection));

        Assert.That(response.Version, Is.EqualTo(HttpVersion.Version20));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(_host.Executions, Is.Empty);
    }

    [Test]
    public async Task Over_http2_a_json_body_without_a_length_is_inspected_and_still_read_by_the_app()
    {
        using var attack = await _host.Client.PostAsync("/comments", StreamedJson(JsonSerializer.Serialize(new { text = Inputs.Xss })));
        using var benign = await _host.Client.PostAsync("/comments", StreamedJson("""{"text":"Fits true to size; colour as pictured."}"""));

        Assert.That(attack.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(benign.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var execution = _host.SingleExecution();
        Assert.That(execution.Value, Is.EqualTo("Fits true to size; colour as pictured."));
        Assert.That(execution.Feature!.Verdict!.ValuesInspected, Is.GreaterThan(0));
    }
}
