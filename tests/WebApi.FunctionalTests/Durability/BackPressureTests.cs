using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Durability;

/// <summary>A saturated write queue answers 503 with Retry-After instead of growing memory, and loses nothing it acknowledged.</summary>
public sealed class BackPressureTests
{
    [Test]
    public async Task Full_write_queue_answers_503_with_retry_after_and_keeps_every_acknowledged_threat()
    {
        await using var factory = await new ApiFactory
        {
            Settings = { ["Persistence:QueueCapacity"] = "1", ["Persistence:MaxBatchSize"] = "1", ["Persistence:RetryAfterSeconds"] = "3" },
        }.StartAsync();
        using var client = await factory.CreateUserClientAsync();
        var load = new AttackLoad(client);
        HttpResponseMessage? refused = null;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var running = load.RunAsync(workers: 64, stop.Token);
        while (!stop.IsCancellationRequested && refused is null)
        {
            var response = await client.PostAsync("/api/v1/analyze", new StringContent("{\"input\":\"' OR 1=1 --\"}", System.Text.Encoding.UTF8, "application/json"));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                refused = response;
            }
        }

        await running;
        TestContext.Out.WriteLine($"statuses {string.Join(", ", load.Statuses)}");

        Assert.That(refused, Is.Not.Null, "no 503 under saturation");
        Assert.That(refused!.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["status"]!.GetValue<int>(), Is.EqualTo(503));

        var stored = (await factory.QueryAsync(db => db.Threats.Select(t => t.RequestId).ToListAsync())).ToHashSet();
        Assert.That(load.Acknowledged.Except(stored), Is.Empty);
    }
}
