using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Callbacks;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Callbacks;

/// <summary>POST /api/v2/analyze with callback_url: checked at submit, checked again at connect, delivered signed with retries.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AnalyzeCallbackTests(DatabaseProvider provider)
{
    private const string Attack = "x' or 'k'='k";
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(40));

    private sealed record Received(string? Signature, byte[] Body, int AnsweredWith);

    // Answers 503 to the first `failures` requests, then 200.
    private static async Task<(WebApplication App, int Port, ConcurrentQueue<Received> Requests)> StartReceiver(int failures)
    {
        var port = TestEnvironment.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var requests = new ConcurrentQueue<Received>();
        var seen = 0;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var status = Interlocked.Increment(ref seen) <= failures ? 503 : 200;
            requests.Enqueue(new(context.Request.Headers["X-InfiniteSecurity-Signature"], buffer.ToArray(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return (app, port, requests);
    }

    private async Task<ApiFactory> StartService(bool allowLoopback, int queueCapacity = 1000)
    {
        var factory = new ApiFactory
        {
            Provider = provider,
            Settings =
            {
                ["Callbacks:Enabled"] = "true",
                ["Callbacks:SigningKey"] = _key,
                ["Callbacks:AllowHttp"] = "true",
                ["Callbacks:AllowedHosts:0"] = "localhost",
                ["Callbacks:AllowedHosts:1"] = "10.1.2.3",
                ["Callbacks:MaxAttempts"] = "4",
                ["Callbacks:RetryDelayMilliseconds"] = "20",
                ["Callbacks:AttemptTimeoutSeconds"] = "60",
                ["Callbacks:QueueCapacity"] = queueCapacity.ToString(CultureInfo.InvariantCulture),
            },
        };
        if (allowLoopback)
        {
            factory.Settings["Callbacks:AllowedNetworks:0"] = "127.0.0.0/8";
        }

        return await factory.StartAsync();
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"timed out after 60 s waiting for {what}");
            }

            await Task.Delay(20);
        }
    }

    [TestCase("http://10.1.2.3/hook", "internal address", TestName = "A private literal IP is refused at submit even when listed as a host")]
    [TestCase("http://hooks.elsewhere.test/hook", "AllowedHosts", TestName = "A host not in AllowedHosts is refused at submit")]
    [TestCase("ftp://localhost/hook", "http(s)", TestName = "A non-http scheme is refused at submit")]
    [TestCase("http://user:pw@localhost/hook", "credentials", TestName = "User info in the URL is refused at submit")]
    public async Task Refused_at_submit(string url, string reason)
    {
        await using var service = await StartService(allowLoopback: false);
        using var user = await service.CreateUserClientAsync();

        var response = await user.PostAsJsonAsync("/api/v2/analyze", new { input = Attack, callback_url = url });
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body, Does.Contain("callback_url").And.Contain(reason));
    }

    [Test]
    public async Task An_allowed_host_that_resolves_to_loopback_is_refused_at_connect_time_and_nothing_reaches_the_receiver()
    {
        var (receiver, port, requests) = await StartReceiver(failures: 0);
        await using var receiving = receiver;
        await using var service = await StartService(allowLoopback: false);
        using var user = await service.CreateUserClientAsync();

        var response = await user.PostAsJsonAsync("/api/v2/analyze", new { input = Attack, callback_url = $"http://localhost:{port}/hook" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), text);
        var id = Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());

        var ledger = service.Services.GetRequiredService<CallbackLedger>();
        await WaitUntil(() => ledger.OutcomeOf(id) is not null, "the delivery to end");
        Assert.That(ledger.OutcomeOf(id), Is.EqualTo(CallbackOutcome.Refused));
        Assert.That(requests, Is.Empty);
    }

    [Test]
    public async Task A_receiver_that_fails_twice_gets_exactly_one_accepted_signed_delivery_of_the_synchronous_body()
    {
        var (receiver, port, requests) = await StartReceiver(failures: 2);
        await using var receiving = receiver;
        await using var service = await StartService(allowLoopback: true);
        using var user = await service.CreateUserClientAsync();

        var response = await user.PostAsJsonAsync("/api/v2/analyze", new { input = Attack, callback_url = $"http://localhost:{port}/hook" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), text);
        var id = Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
        var synchronous = JsonNode.Parse(await (await user.PostAsJsonAsync("/api/v2/analyze", new { input = Attack })).Content.ReadAsStringAsync())!;

        var ledger = service.Services.GetRequiredService<CallbackLedger>();
        await WaitUntil(() => ledger.OutcomeOf(id) is not null, "the delivery to end");
        Assert.That(ledger.OutcomeOf(id), Is.EqualTo(CallbackOutcome.Delivered));

        var all = requests.ToArray();
        var accepted = all.Where(r => r.AnsweredWith == 200).ToArray();
        Assert.That(all.Select(r => r.AnsweredWith), Is.EqualTo(new[] { 503, 503, 200 }));
        Assert.That(accepted, Has.Length.EqualTo(1));

        var delivered = accepted[0];
        var parts = delivered.Signature!.Split(',');
        Assert.That(parts, Has.Length.EqualTo(2));
        Assert.That(parts[0], Does.StartWith("t="));
        Assert.That(parts[1], Does.StartWith("v1="));
        var t = parts[0][2..];
        Assert.That(long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long _), Is.True);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_key), Encoding.ASCII.GetBytes(t + ".").Concat(delivered.Body).ToArray()));
        Assert.That(parts[1][3..], Is.EqualTo(expected));

        var body = JsonNode.Parse(delivered.Body)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["request_id"]!.GetValue<Guid>(), Is.EqualTo(id));
            Assert.That(body["analysis"]!["threat"]!.GetValue<bool>(), Is.True);
            Assert.That(body["analysis"]!["type"]!.ToJsonString(), Is.EqualTo(synchronous["analysis"]!["type"]!.ToJsonString()));
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(synchronous.AsObject().Select(p => p.Key)));
            Assert.That(body["findings"]!.AsArray(), Has.Count.EqualTo(synchronous["findings"]!.AsArray().Count));
        });
    }

    [Test]
    public async Task A_full_callback_queue_is_a_503_problem_with_retry_after()
    {
        // The receiver holds every request open, so the single sender is stuck on the first delivery and the queue
        // of one fills up behind it.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = TestEnvironment.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async () =>
        {
            await release.Task;
            return Results.Ok();
        });
        await receiver.StartAsync();
        await using var service = await StartService(allowLoopback: true, queueCapacity: 1);
        using var user = await service.CreateUserClientAsync();

        try
        {
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 20 && refused is null; i++)
            {
                var response = await user.PostAsJsonAsync("/api/v2/analyze", new { input = "plain words", callback_url = $"http://localhost:{port}/hook" });
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    refused = response;
                }
                else
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
                }
            }

            Assert.That(refused, Is.Not.Null, "twenty submits never filled a queue of one");
            Assert.That(refused!.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        }
        finally
        {
            release.SetResult();
        }
    }

    [Test]
    public async Task A_redirect_from_the_receiver_is_not_followed()
    {
        var port = TestEnvironment.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var receiver = builder.Build();
        var paths = new ConcurrentQueue<string>();
        receiver.MapPost("/{**path}", (HttpContext context) =>
        {
            paths.Enqueue(context.Request.Path);
            return Results.Redirect($"http://127.0.0.1:{port}/elsewhere", permanent: false, preserveMethod: true);
        });
        await receiver.StartAsync();
        await using var service = await StartService(allowLoopback: true);
        using var user = await service.CreateUserClientAsync();

        var response = await user.PostAsJsonAsync("/api/v2/analyze", new { input = Attack, callback_url = $"http://localhost:{port}/hook" });
        var id = Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());

        var ledger = service.Services.GetRequiredService<CallbackLedger>();
        await WaitUntil(() => ledger.OutcomeOf(id) is not null, "the delivery to end");
        Assert.That(ledger.OutcomeOf(id), Is.EqualTo(CallbackOutcome.Failed));
        Assert.That(paths, Is.All.EqualTo("/hook"));
    }
}
