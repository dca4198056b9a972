using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Siem;

/// <summary>The HTTP forwarders against a stub collector that speaks Splunk HEC and the Elasticsearch bulk API.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class HttpForwardingTests(DatabaseProvider provider)
{
    private sealed record Received(string Path, string? Authorization, string? ContentType, string Body);

    private static async Task<(WebApplication App, int Port, ConcurrentQueue<Received> Requests)> StartCollector()
    {
        var port = TestEnvironment.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var requests = new ConcurrentQueue<Received>();
        var refusedOnce = 0;
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            requests.Enqueue(new(context.Request.Path, context.Request.Headers.Authorization, context.Request.ContentType, body));
            if (context.Request.Path == "/_bulk")
            {
                // The first bulk request meets a collector that is briefly unavailable: the resilience pipeline retries.
                if (Interlocked.Exchange(ref refusedOnce, 1) == 0)
                {
                    return Results.StatusCode(503);
                }

                var items = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i % 2 == 0)
                    .Select(_ => new JsonObject { ["create"] = new JsonObject { ["status"] = 201 } });
                return Results.Text(new JsonObject { ["errors"] = false, ["items"] = new JsonArray(items.ToArray<JsonNode?>()) }.ToJsonString(), "application/json");
            }

            return Results.Text("{\"text\":\"Success\",\"code\":0}", "application/json");
        });
        await app.StartAsync();
        return (app, port, requests);
    }

    [Test]
    public async Task Splunk_hec_and_elastic_bulk_collectors_each_get_every_event_in_their_format()
    {
        var (collector, port, requests) = await StartCollector();
        await using var _ = collector;
        await using var factory = await new ApiFactory
        {
            Provider = provider,
            Settings =
            {
                ["Siem:Forwarders:0:Name"] = "splunk",
                ["Siem:Forwarders:0:Kind"] = "SplunkHec",
                ["Siem:Forwarders:0:Url"] = $"http://127.0.0.1:{port}/",
                ["Siem:Forwarders:0:Token"] = "hec-token-for-tests",
                ["Siem:Forwarders:0:PollMilliseconds"] = "50",
                ["Siem:Forwarders:1:Name"] = "elastic",
                ["Siem:Forwarders:1:Kind"] = "ElasticBulk",
                ["Siem:Forwarders:1:Url"] = $"http://127.0.0.1:{port}/",
                ["Siem:Forwarders:1:Index"] = "logs-infsec-test",
                ["Siem:Forwarders:1:PollMilliseconds"] = "50",
            },
        }.StartAsync();
        await factory.QueryAsync(db =>
        {
            db.Threats.Add(StoredEvents.Threat());
            db.AuditEvents.Add(StoredEvents.Audit());
            return db.SaveChangesAsync();
        });
        var expected = (await factory.QueryAsync(db => db.SecurityEvents.Select(e => e.Id).ToListAsync())).Select(id => id.ToString()).ToList();

        List<string> SplunkIds() => requests.Where(r => r.Path == "/services/collector/event")
            .SelectMany(r => r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(l => JsonNode.Parse(l)!["event"]!["id"]!.GetValue<string>()).ToList();
        // The first bulk request is the refused one: only the ones after it were taken.
        List<string> ElasticIds() => requests.Where(r => r.Path == "/_bulk").Skip(1)
            .SelectMany(r => r.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i % 2 == 0))
            .Select(l => JsonNode.Parse(l)!["create"]!["_id"]!.GetValue<string>()).Distinct().ToList();

        var waited = Stopwatch.StartNew();
        while ((SplunkIds().Count < expected.Count || ElasticIds().Count < expected.Count) && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        var splunk = requests.First(r => r.Path == "/services/collector/event");
        var bulk = requests.Last(r => r.Path == "/_bulk");
        var bulkLines = bulk.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(SplunkIds(), Is.EquivalentTo(expected));
            Assert.That(ElasticIds(), Is.EquivalentTo(expected));
            Assert.That(splunk.Authorization, Is.EqualTo("Splunk hec-token-for-tests"));
            Assert.That(requests.Count(r => r.Path == "/_bulk"), Is.GreaterThanOrEqualTo(2), "the refused bulk request was retried");
            Assert.That(bulk.ContentType, Does.StartWith("application/x-ndjson"));
            Assert.That(JsonNode.Parse(bulkLines[0])!["create"]!["_index"]!.GetValue<string>(), Is.EqualTo("logs-infsec-test"));
            Assert.That(JsonNode.Parse(bulkLines[1])!["@timestamp"], Is.Not.Null);
            Assert.That(JsonNode.Parse(bulkLines[1])!["event"]!["kind"], Is.Not.Null);
        });
    }
}
