using System.Net;
using System.Text.Json;
using InfiniteSecurity.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InfiniteSecurity.AspNetCore.Tests;

/// <summary>The sample app as shipped (its appsettings.json), on Kestrel on a free loopback port.</summary>
public sealed class SampleAppTests
{
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Development"));
        _factory.UseKestrel(0);
        _factory.StartServer();
        _client = _factory.CreateClient();
        Assert.That(_client.BaseAddress!.IsLoopback && _client.BaseAddress.Port > 0, Is.True, "served by Kestrel");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Test]
    public async Task The_sample_answers_a_search_and_blocks_an_attack_in_it()
    {
        using var benign = await _client.GetAsync("/search?q=winter+boots");
        using var attack = await _client.GetAsync("/search?q=" + Inputs.Query(Inputs.Xss));

        Assert.That(benign.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Json(benign)).GetProperty("verdict").GetString(), Is.EqualTo("clean"));
        Assert.That(attack.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Problem.ReadAsync(attack)).Family, Is.EqualTo("xss"));
    }

    [Test]
    public async Task The_sample_accepts_a_comment_and_an_upload()
    {
        using var comment = await _client.PostAsync("/comments", Inputs.Json("""{"author":"Jo","text":"Lovely colour, runs a bit small."}"""));
        using var form = new MultipartFormDataContent { { new StringContent("Receipt"), "title" }, { new ByteArrayContent([1, 2, 3, 4]), "file", "receipt.bin" } };
        using var upload = await _client.PostAsync("/upload", form);

        Assert.That(comment.StatusCode, Is.EqualTo(HttpStatusCode.Created), await comment.Content.ReadAsStringAsync());
        Assert.That((await Json(comment)).GetProperty("length").GetInt32(), Is.EqualTo("Lovely colour, runs a bit small.".Length));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.OK), await upload.Content.ReadAsStringAsync());
        Assert.That((await Json(upload)).GetProperty("files")[0].GetProperty("length").GetInt64(), Is.EqualTo(4));
    }

    [Test]
    public async Task The_sample_exempts_its_comment_text_from_sql_injection_as_configured_but_nothing_else()
    {
        using var quoted = await _client.PostAsync("/comments", Inputs.Json($$"""{"author":"dba","text":"{{Inputs.SqlInjection}}"}"""));
        using var inAuthor = await _client.PostAsync("/comments", Inputs.Json($$"""{"author":"{{Inputs.SqlInjection}}","text":"hi"}"""));

        Assert.That(quoted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(inAuthor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_sample_does_not_inspect_its_health_endpoint()
    {
        using var response = await _client.GetAsync("/health?x=" + Inputs.Query(Inputs.SqlInjection));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
