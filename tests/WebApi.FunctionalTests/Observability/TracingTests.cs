using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace InfiniteSecurity.WebApi.FunctionalTests.Observability;

/// <summary>
/// Traces leave over OTLP/HTTP to the configured collector, here a real HTTP listener on loopback that keeps what it
/// is sent; without a collector no tracer exists at all.
/// </summary>
public sealed class TracingTests
{
    [Test]
    public async Task With_a_collector_the_analyze_span_reaches_it_without_the_analysed_input()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var factory = new ApiFactory
        {
            Settings =
            {
                ["Tracing:OtlpEndpoint"] = collector.BaseAddress,
                ["Tracing:SampleRatio"] = "1",
            },
        };
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();
        var marker = "tq" + Guid.NewGuid().ToString("N")[..12];

        var response = await admin.PostAsJsonAsync("/api/v1/analyze", new { input = $"<svg onload=alert('{marker}')>" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // The batch exporter sends every few seconds; wait for the span of this analysis.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !collector.Received.Any(b => Contains(b, "analyze") && Contains(b, "infinitesecurity.family")))
        {
            await Task.Delay(200);
        }

        var exported = collector.Received.ToArray();
        Assert.That(exported.Any(b => Contains(b, "analyze") && Contains(b, "infinitesecurity.family")), Is.True, "the analyze span with its verdict tags");
        Assert.That(exported.Any(b => Contains(b, "InfiniteSecurity")), Is.True, "the service name as the resource");
        Assert.That(collector.Paths, Has.All.EqualTo("/v1/traces"));
        Assert.That(exported.Where(b => Contains(b, marker)), Is.Empty, "no span carries the input");
    }

    [Test]
    public async Task Without_a_collector_no_tracer_is_registered()
    {
        await using var factory = new ApiFactory();
        factory.StartServer();

        Assert.That(factory.Services.GetService<TracerProvider>(), Is.Null);
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>An OTLP/HTTP receiver that answers 200 and keeps each request body.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private OtlpCollector(WebApplication app) => _app = app;

        public ConcurrentQueue<byte[]> Received { get; } = new();

        public ConcurrentQueue<string> Paths { get; } = new();

        public string BaseAddress => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.Run(async http =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                collector.Paths.Enqueue(http.Request.Path.Value ?? "");
                collector.Received.Enqueue(body.ToArray());
                http.Response.StatusCode = StatusCodes.Status200OK;
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
