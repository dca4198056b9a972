using System.Net;
using System.Net.Http.Json;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Observability;

/// <summary>The deployment shape: the built service as a process with <c>Metrics:Port</c> set, as Prometheus scrapes it.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class MetricsPortTests(DatabaseProvider provider)
{
    [Test]
    public async Task With_a_metrics_port_the_scrape_is_served_there_without_a_token_and_nothing_else_is_and_the_api_port_has_no_metrics()
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        var metricsPort = TestEnvironment.FreePort();
        await using var service = database.Service().With("Metrics__Port", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await service.StartAsync();
        using var admin = await service.CreateClientAsync(TimeSpan.FromSeconds(30));
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}/") };

        var analysed = await admin.PostAsJsonAsync("api/v1/analyze", new { input = "<img src=x onerror=alert(7)>" });
        Assert.That(analysed.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var scrape = string.Empty;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !scrape.Contains("infinitesecurity_threats_total{", StringComparison.Ordinal))
        {
            var response = await scraper.GetAsync("metrics");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            scrape = await response.Content.ReadAsStringAsync();
            await Task.Delay(200);
        }

        Assert.That(scrape, Does.Contain("infinitesecurity_threats_total{").And.Contain("infinitesecurity_analyses_total{"));

        // The API is not reachable through the metrics port, even with a token or a Host header naming the API port.
        var throughMetricsPort = new HttpRequestMessage(HttpMethod.Get, "health/ready");
        throughMetricsPort.Headers.Host = $"127.0.0.1:{service.Port}";
        Assert.That((await scraper.SendAsync(throughMetricsPort)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await scraper.PostAsJsonAsync("api/v1/analyze", new { input = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        // And the API port has no scrape endpoint at all, not even for an admin.
        Assert.That((await admin.GetAsync("metrics")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
