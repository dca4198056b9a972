using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A test double of the service's receiving side only, on Kestrel: <c>POST /connect/token</c> (client credentials,
/// client authenticated by HTTP Basic or form fields, as RFC 6749 allows) and <c>POST /api/v2/inspect</c>, which
/// accepts a report only with a bearer token it issued and records it.
/// </summary>
internal sealed class FakeReportReceiver : IAsyncDisposable
{
    public const string ClientId = "shop-frontend";
    public const string ClientSecret = "a-long-test-secret-0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _issued = new();
    private readonly ConcurrentQueue<ReceivedReport> _reports = new();
    private int _inspectAttempts;
    private int _tokenRequests;
    private int _failuresLeft;

    private FakeReportReceiver(WebApplication app) => _app = app;

    public string ServiceUrl => _app.Urls.First();

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int InspectAttempts => Volatile.Read(ref _inspectAttempts);

    public IReadOnlyList<ReceivedReport> Reports => [.. _reports];

    /// <summary>The token endpoint waits for this before answering (completed unless a test holds it).</summary>
    public TaskCompletionSource TokenGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lifetime of the tokens issued, in seconds.</summary>
    public int ExpiresIn { get; set; } = 3600;

    /// <summary>The next this many reports are answered 503 before being read (a transient outage).</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public static async Task<FakeReportReceiver> StartAsync(bool holdTokens = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new FakeReportReceiver(app);
        if (!holdTokens)
        {
            receiver.TokenGate.SetResult();
        }

        app.MapPost("/connect/token", (Delegate)receiver.TokenAsync);
        app.MapPost("/api/v2/inspect", (Delegate)receiver.InspectAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        await TokenGate.Task;
        var form = await context.Request.ReadFormAsync();
        var (id, secret) = ClientOf(context.Request, form);
        if (form["grant_type"] != "client_credentials")
        {
            return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }

        if (id != ClientId || secret != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        var token = "at-" + Guid.NewGuid().ToString("N");
        _issued[token] = true;
        return Results.Json(new Dictionary<string, object> { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = ExpiresIn, ["scope"] = form["scope"].ToString() });
    }

    private static (string? Id, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Scheme == "Basic" && header.Parameter is { } encoded)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (pair, null) : (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private async Task<IResult> InspectAsync(HttpContext context)
    {
        Interlocked.Increment(ref _inspectAttempts);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.StatusCode(503);
        }

        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            || header.Scheme != "Bearer" || header.Parameter is null || !_issued.ContainsKey(header.Parameter))
        {
            return Results.Unauthorized();
        }

        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        _reports.Enqueue(new ReceivedReport(header.Parameter, context.Request.ContentType, json.RootElement.Clone()));
        return Results.Ok(new { received = true });
    }

    /// <summary>Waits until at least <paramref name="count"/> reports arrived, or fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<ReceivedReport>> WaitForReportsAsync(int count, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (_reports.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"expected {count} reports within {seconds} s, received {_reports.Count} ({InspectAttempts} attempts, {TokenRequests} token requests)");
            }

            await Task.Delay(25);
        }

        return Reports;
    }

    public async ValueTask DisposeAsync()
    {
        TokenGate.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record ReceivedReport(string BearerToken, string? ContentType, JsonElement Body)
    {
        public string Method => Body.GetProperty("method").GetString()!;

        public string Url => Body.GetProperty("url").GetString()!;

        public string BodyEncoding => Body.GetProperty("body_encoding").GetString()!;

        public byte[] BodyBytes => Convert.FromBase64String(Body.GetProperty("body").GetString()!);

        /// <summary>As the service reads them: an object of name → string, or → array of strings for a repeated header.</summary>
        public IReadOnlyList<(string Name, string Value)> Headers =>
            Body.GetProperty("headers").EnumerateObject()
                .SelectMany(h => h.Value.ValueKind == JsonValueKind.Array
                    ? h.Value.EnumerateArray().Select(v => (h.Name, v.GetString()!))
                    : [(h.Name, h.Value.GetString()!)])
                .ToArray();

        public string? Header(string name) => Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
    }
}
