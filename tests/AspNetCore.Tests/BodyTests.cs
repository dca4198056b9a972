using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InfiniteSecurity.AspNetCore.Tests.Infrastructure;

namespace InfiniteSecurity.AspNetCore.Tests;

/// <summary>The body is inspected within a limit and stays readable for the app whatever the middleware did with it.</summary>
public sealed class BodyTests
{
    private const int Limit = 2_048;

    private static Dictionary<string, string?> Settings(string handling) => new()
    {
        ["ThreatDetection:MaxBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ThreatDetection:OversizedBody"] = handling,
    };

    /// <summary>A JSON document of about <paramref name="size"/> bytes with <paramref name="value"/> in its first or its last field.</summary>
    private static byte[] Document(int size, string value, bool valueFirst)
    {
        var filler = new string('a', size);
        var json = valueFirst
            ? JsonSerializer.Serialize(new { text = value, notes = filler })
            : JsonSerializer.Serialize(new { notes = filler, text = value });
        return Encoding.UTF8.GetBytes(json);
    }

    private static HttpContent Content(byte[] body, bool chunked)
    {
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private static async Task<(long Length, string Sha256)> ReadRawAnswer(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("length").GetInt64(), json.RootElement.GetProperty("sha256").GetString()!);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_body_over_the_limit_has_its_first_part_inspected_and_reaches_the_app_whole(bool chunked)
    {
        await using var host = await ProtectedHost.StartAsync(Settings("InspectPrefix"));

        using var early = await host.Client.PostAsync("/raw", Content(Document(4 * Limit, Inputs.SqlInjection, valueFirst: true), chunked));
        var late = Document(4 * Limit, Inputs.SqlInjection, valueFirst: false);
        using var lateResponse = await host.Client.PostAsync("/raw", Content(late, chunked));

        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the attack lies within the inspected part");
        Assert.That(lateResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the attack lies beyond the inspected part");
        var (length, sha) = await ReadRawAnswer(lateResponse);
        Assert.That(length, Is.EqualTo(late.Length));
        Assert.That(sha, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(late))), "the app reads the body byte for byte");
        var feature = host.SingleExecution().Feature!;
        Assert.That(feature.Problems, Has.Some.Contains($"only the first {Limit} bytes were inspected"));
    }

    [Test]
    public async Task A_body_over_the_limit_is_not_inspected_when_configured_to_skip_and_still_reaches_the_app()
    {
        await using var host = await ProtectedHost.StartAsync(Settings("Skip"));
        var body = Document(4 * Limit, Inputs.SqlInjection, valueFirst: true);

        using var response = await host.Client.PostAsync("/raw", Content(body, chunked: false));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadRawAnswer(response)).Length, Is.EqualTo(body.Length));
        Assert.That(host.SingleExecution().Feature!.Problems, Has.Some.Contains("was not inspected"));
    }

    [Test]
    public async Task A_body_over_the_limit_is_answered_413_when_configured_to_reject()
    {
        await using var host = await ProtectedHost.StartAsync(Settings("Reject"));

        using var response = await host.Client.PostAsync("/raw", Content(Document(4 * Limit, "plain words", valueFirst: true), chunked: false));
        using var small = await host.Client.PostAsync("/raw", Content(Document(100, "plain words", valueFirst: true), chunked: false));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await Problem.ReadAsync(response)).Status, Is.EqualTo(413));
        Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(host.Executions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task In_monitor_mode_a_body_that_would_be_rejected_has_its_first_part_inspected_instead()
    {
        var settings = Settings("Reject");
        settings["ThreatDetection:Mode"] = "Monitor";
        await using var host = await ProtectedHost.StartAsync(settings);

        using var response = await host.Client.PostAsync("/raw", Content(Document(4 * Limit, Inputs.SqlInjection, valueFirst: true), chunked: false));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var feature = host.SingleExecution().Feature!;
        Assert.That(feature.IsThreat, Is.True, "the prefix was inspected");
        Assert.That(feature.Problems, Has.Some.Contains($"only the first {Limit} bytes were inspected"));
    }

    [TestCase("application/x-ndjson")]
    [TestCase("application/vnd.shop.order+json")]
    [TestCase("text/plain")]
    [TestCase("application/x-custom")]
    [TestCase(null)]
    public async Task A_body_of_any_type_but_binary_is_inspected(string? contentType)
    {
        await using var host = await ProtectedHost.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = Inputs.SqlInjection })));
        if (contentType is not null)
        {
            content.Headers.ContentType = new(contentType);
        }

        using var response = await host.Client.PostAsync("/raw", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase(3)]
    [TestCase(17)]
    public async Task A_multipart_upload_of_a_binary_file_larger_than_the_limit_is_not_flagged_and_reaches_the_app_whole(int seed)
    {
        await using var host = await ProtectedHost.StartAsync(Settings("InspectPrefix"));
        var image = new byte[10 * Limit];
        new Random(seed).NextBytes(image);
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new("image/png");
        using var form = new MultipartFormDataContent { { new StringContent("Holiday photo"), "title" }, { file, "file", "beach.png" } };

        using var response = await host.Client.PostAsync("/upload", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var feature = host.SingleExecution().Feature!;
        Assert.That(feature.IsThreat, Is.False);
        Assert.That(feature.Problems, Has.Some.Contains("exceeds the inspection limit"));
    }

    [Test]
    public async Task An_attack_in_a_form_field_before_a_file_larger_than_the_limit_is_blocked()
    {
        await using var host = await ProtectedHost.StartAsync(Settings("InspectPrefix"));
        var file = new ByteArrayContent(new byte[10 * Limit]);
        file.Headers.ContentType = new("image/png");
        using var form = new MultipartFormDataContent { { new StringContent(Inputs.SqlInjection), "title" }, { file, "file", "beach.png" } };

        using var response = await host.Client.PostAsync("/upload", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(host.Executions, Is.Empty);
    }

    [Test]
    public async Task A_body_within_the_limit_is_inspected_whole_and_reaches_the_app_byte_for_byte()
    {
        await using var host = await ProtectedHost.StartAsync(Settings("InspectPrefix"));
        var body = Document(Limit - 200, "Size 42, colour: blue/green; delivery before 5 pm?", valueFirst: false);

        using var response = await host.Client.PostAsync("/raw", Content(body, chunked: true));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadRawAnswer(response)).Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(body))));
        var feature = host.SingleExecution().Feature!;
        Assert.That(feature.Problems, Is.Empty);
        Assert.That(feature.IsThreat, Is.False);
    }

    [TestCase("application/octet-stream")]
    [TestCase("image/png")]
    public async Task A_binary_body_is_not_read_for_inspection_but_reaches_the_app(string contentType)
    {
        await using var host = await ProtectedHost.StartAsync(Settings("InspectPrefix"));
        var body = Encoding.UTF8.GetBytes(Inputs.SqlInjection + new string('z', 100));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(contentType);

        using var response = await host.Client.PostAsync("/raw", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadRawAnswer(response)).Length, Is.EqualTo(body.Length));
    }
}
