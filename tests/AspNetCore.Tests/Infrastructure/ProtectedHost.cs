using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using InfiniteSecurity.AspNetCore.Reporting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A small app behind the real middleware on Kestrel on a free loopback port. Its endpoints record that they ran and
/// the <see cref="IThreatDetectionFeature"/> they saw, and read the body the way apps do (JSON, form, raw stream).
/// </summary>
internal sealed class ProtectedHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProtectedHost(WebApplication app, CapturedLogs logs, bool http2Only)
    {
        _app = app;
        Logs = logs;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        if (http2Only)
        {
            Client.DefaultRequestVersion = HttpVersion.Version20;
            Client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
    }

    public Uri BaseAddress { get; }

    /// <summary>Sends cookies only as the tests write them (no cookie container).</summary>
    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    /// <summary>Endpoints that ran, in order, with the feature each saw.</summary>
    public ConcurrentQueue<Execution> Executions { get; } = new();

    /// <summary>Requests that the middleware let through, with their <c>X-Replay-Id</c> header and feature.</summary>
    public ConcurrentQueue<Passage> Passed { get; } = new();

    public ThreatReportingStatistics ReportingStatistics => _app.Services.GetRequiredService<ThreatReportingStatistics>();

    /// <param name="settings">Configuration, keys as in appsettings (<c>ThreatDetection:Mode</c>).</param>
    /// <param name="add">The <c>AddThreatDetection</c> delegate.</param>
    /// <param name="use">The <c>UseThreatDetection</c> delegate.</param>
    public static async Task<ProtectedHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<ThreatDetectionOptions>? add = null,
        Action<ThreatDetectionOptions>? use = null,
        bool http2Only = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });

        // Nothing from files or the environment: the sample's appsettings.json is copied next to the tests.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (http2Only)
        {
            // Cleartext HTTP/2 with prior knowledge: no TLS, no upgrade, every request is an HTTP/2 stream.
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        }
        else
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }

        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddThreatDetection(add);

        var app = builder.Build();
        ProtectedHost? host = null;
        app.UseThreatDetection(use);

        // Every request that got past the middleware, endpoint or not (a 404 still counts).
        app.Use(async (context, next) =>
        {
            host!.Passed.Enqueue(new Passage(context.Request.Headers["X-Replay-Id"].ToString(), context.Features.Get<IThreatDetectionFeature>()));
            await next(context);
        });
        MapEndpoints(app, () => host!);
        await app.StartAsync();
        host = new ProtectedHost(app, logs, http2Only);
        return host;
    }

    private static void MapEndpoints(WebApplication app, Func<ProtectedHost> host)
    {
        app.MapGet("/search", (string? q, HttpContext context) =>
        {
            host().Record(context, q);
            return Results.Ok(new { query = q });
        });

        app.MapPost("/comments", async (HttpContext context) =>
        {
            var comment = await context.Request.ReadFromJsonAsync<JsonElement>();
            var text = comment.TryGetProperty("text", out var t) ? t.GetString() : null;
            host().Record(context, text);
            return Results.Ok(new { text });
        });

        app.MapPost("/upload", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var file = form.Files.Count > 0 ? form.Files[0] : null;
            string? fileText = null;
            if (file is not null)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                fileText = await reader.ReadToEndAsync();
            }

            host().Record(context, form["title"].ToString());
            return Results.Ok(new { title = form["title"].ToString(), file = file?.FileName, file_text = fileText });
        });

        // Reads the raw stream as an app with its own parser would, and answers its length and hash.
        app.MapPost("/raw", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            host().Record(context, null);
            return Results.Ok(new { length = buffer.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())) });
        });

        app.MapFallback((HttpContext context) =>
        {
            host().Record(context, null);
            return Results.Ok(new { path = context.Request.Path.Value });
        });
    }

    private void Record(HttpContext context, string? value) =>
        Executions.Enqueue(new Execution(context.Request.Path.Value ?? string.Empty, value, context.Features.Get<IThreatDetectionFeature>()));

    public Execution SingleExecution()
    {
        Assert.That(Executions, Has.Count.EqualTo(1), "the endpoint should have run exactly once");
        return Executions.Single();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Execution(string Path, string? Value, IThreatDetectionFeature? Feature);

    internal sealed record Passage(string ReplayId, IThreatDetectionFeature? Feature);
}

/// <summary>What a 403 or 413 answer says, read from its problem+json body.</summary>
internal sealed record Problem(string? Type, string? Title, int Status, string? TraceId, string? Family, string? RuleId, string Raw)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var raw = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(raw);
        var root = json.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;
        return new Problem(Text("type"), Text("title"), root.GetProperty("status").GetInt32(), Text("traceId"), Text("family"), Text("rule_id"), raw);
    }
}
