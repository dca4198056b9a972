using System.Net;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using static InfiniteSecurity.WebApi.FunctionalTests.Inspection.InspectEndpointTests;

namespace InfiniteSecurity.WebApi.FunctionalTests.Inspection;

/// <summary>Inspect is limited like analyze (per client); the gate has its own per-second bucket per client.</summary>
public sealed class InspectionRateLimitTests() : ServiceFixture(DatabaseProvider.Sqlite)
{
    protected override bool SignInAdmin => true;

    protected override ApiFactory CreateFactory() => new()
    {
        Settings =
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitsPerMinute"] = "1",
            ["RateLimiting:Burst"] = "3",
            ["RateLimiting:GatePermitsPerSecond"] = "50",
        },
    };

    [Test]
    public async Task Inspect_is_429_with_retry_after_past_the_burst_while_the_gate_keeps_answering()
    {
        using var user = await Factory.CreateUserClientAsync();
        using var gateway = await Factory.CreateMachineClientAsync(Admin, "analyze");
        const string Message = "GET /?q=1 HTTP/1.1\r\nHost: shop.test\r\n\r\n";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await user.PostAsync("/api/v2/inspect", Raw(Message))).StatusCode);
        }

        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.OK));
        var limited = await user.PostAsync("/api/v2/inspect", Raw(Message));
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);

        for (var i = 0; i < 10; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gate") { Headers = { { "X-Original-Method", "GET" }, { "X-Original-URI", "/?q=" + i } } };
            Assert.That((await gateway.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), $"gate call {i}");
        }
    }
}
