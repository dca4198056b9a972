using System.Diagnostics;
using System.Net;
using System.Text;
using InfiniteSecurity.AspNetCore.Tests.Infrastructure;

namespace InfiniteSecurity.AspNetCore.Tests;

/// <summary>Reporting to the service, against a fake receiver of <c>/connect/token</c> and <c>/api/v2/inspect</c>.</summary>
public sealed class ReportingTests
{
    private static Action<ThreatDetectionOptions> ReportTo(FakeReportReceiver receiver, int capacity = 100) => o => o.Reporting = new()
    {
        ServiceUrl = receiver.ServiceUrl,
        ClientId = FakeReportReceiver.ClientId,
        ClientSecret = FakeReportReceiver.ClientSecret,
        QueueCapacity = capacity,
        RetryDelay = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>The receiver records a report before it answers; the sender counts it after the answer.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("timed out waiting until " + what);
            }

            await Task.Delay(25);
        }
    }

    [Test]
    public async Task A_detection_is_posted_to_the_service_with_a_bearer_token_obtained_by_client_credentials()
    {
        await using var receiver = await FakeReportReceiver.StartAsync();
        await using var host = await ProtectedHost.StartAsync(add: ReportTo(receiver));
        using var benign = await host.Client.GetAsync("/search?q=red+shoes");
        var body = """{"author":"m","text":"x' OR '1'='1"}""";
        using var request = Inputs.BrowserLike(HttpMethod.Post, "/comments?page=2", Inputs.Json(body));

        using var response = await host.Client.SendAsync(request);

        Assert.That(benign.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var report = (await receiver.WaitForReportsAsync(1)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(receiver.TokenRequests, Is.EqualTo(1));
            Assert.That(report.BearerToken, Does.StartWith("at-"), "a token the receiver issued");
            Assert.That(report.ContentType, Does.StartWith("application/json"));
            Assert.That(report.Method, Is.EqualTo("POST"));
            Assert.That(report.Url, Is.EqualTo("/comments?page=2"));
            Assert.That(report.BodyEncoding, Is.EqualTo("base64"));
            Assert.That(Encoding.UTF8.GetString(report.BodyBytes), Is.EqualTo(body));
            Assert.That(report.Header("Content-Type"), Does.StartWith("application/json"));
            Assert.That(report.Header("User-Agent"), Does.StartWith("Mozilla/5.0"));
            Assert.That(report.Header("Authorization"), Is.EqualTo("[redacted]"), "the app's user credentials stay in the app");
            Assert.That(report.Header("Cookie"), Does.Not.Contain("8f14e45fceea167a5a36dedd4bea2543").And.Contain("session=[redacted]"));
        });
        await WaitUntilAsync(() => host.ReportingStatistics.Sent == 1, "the sender counted the report as sent");
        Assert.That(receiver.Reports, Has.Count.EqualTo(1), "the benign request is not reported");
    }

    [Test]
    public async Task A_header_sent_twice_is_reported_with_both_values_in_order()
    {
        await using var receiver = await FakeReportReceiver.StartAsync();
        await using var host = await ProtectedHost.StartAsync(add: ReportTo(receiver));
        var message = System.Text.Encoding.ASCII.GetBytes(
            "GET /search?q=" + Inputs.Query(Inputs.SqlInjection) + " HTTP/1.1\r\nHost: shop.test\r\nX-Hop: edge-1\r\nX-Hop: edge-2\r\nConnection: close\r\n\r\n");

        var status = await RawHttp.SendAsync(host.BaseAddress, message, CancellationToken.None);

        Assert.That(status, Is.EqualTo(403));
        var report = (await receiver.WaitForReportsAsync(1)).Single();
        Assert.That(report.Headers.Where(h => h.Name == "X-Hop").Select(h => h.Value), Is.EqualTo(new[] { "edge-1", "edge-2" }));
        Assert.That(report.Header("Host"), Is.EqualTo("shop.test"));
    }

    [Test]
    public async Task The_token_is_reused_for_later_reports_until_shortly_before_it_expires()
    {
        await using var receiver = await FakeReportReceiver.StartAsync();
        await using var host = await ProtectedHost.StartAsync(add: ReportTo(receiver));

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection + i));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        var reports = await receiver.WaitForReportsAsync(3);
        Assert.That(receiver.TokenRequests, Is.EqualTo(1));
        Assert.That(reports.Select(r => r.BearerToken).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_token_that_expires_within_the_renewal_margin_is_renewed_for_the_next_report()
    {
        await using var receiver = await FakeReportReceiver.StartAsync();
        receiver.ExpiresIn = 1; // renewed at half its lifetime: every report here needs a new one
        await using var host = await ProtectedHost.StartAsync(add: ReportTo(receiver));

        using (var first = await host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection)))
        {
            await receiver.WaitForReportsAsync(1);
        }

        await Task.Delay(700);
        using var second = await host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.Xss));
        var reports = await receiver.WaitForReportsAsync(2);

        Assert.That(receiver.TokenRequests, Is.EqualTo(2));
        Assert.That(reports[0].BearerToken, Is.Not.EqualTo(reports[1].BearerToken));
    }

    [Test]
    public async Task A_transient_failure_of_the_service_is_retried()
    {
        await using var receiver = await FakeReportReceiver.StartAsync();
        receiver.FailNext(2);
        await using var host = await ProtectedHost.StartAsync(add: ReportTo(receiver));

        using var response = await host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await receiver.WaitForReportsAsync(1);
        Assert.That(receiver.InspectAttempts, Is.EqualTo(3), "two 503s, then accepted");
        await WaitUntilAsync(() => host.ReportingStatistics.Sent == 1, "the sender counted the report as sent");
        Assert.That(host.ReportingStatistics.Failed, Is.Zero);
    }

    [Test]
    public async Task When_the_queue_is_full_reports_are_dropped_and_counted_and_requests_are_not_delayed()
    {
        await using var receiver = await FakeReportReceiver.StartAsync(holdTokens: true);
        await using var host = await ProtectedHost.StartAsync(add: ReportTo(receiver, capacity: 1));

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 6; i++)
        {
            using var response = await host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection + i));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        clock.Stop();
        var statistics = host.ReportingStatistics;
        Assert.That(statistics.Enqueued + statistics.Dropped, Is.EqualTo(6));
        Assert.That(statistics.Dropped, Is.GreaterThanOrEqualTo(4), "one report is waiting for a token, one in the queue, the rest dropped");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the held token endpoint never held up a request");

        receiver.TokenGate.SetResult();
        await receiver.WaitForReportsAsync((int)statistics.Enqueued);
        Assert.That(receiver.Reports, Has.Count.EqualTo(statistics.Enqueued));
    }

    [Test]
    public async Task Wrong_client_credentials_count_as_failed_reports_and_the_app_goes_on()
    {
        await using var receiver = await FakeReportReceiver.StartAsync();
        await using var host = await ProtectedHost.StartAsync(add: o =>
        {
            ReportTo(receiver)(o);
            o.Reporting.ClientSecret = "not-the-secret";
        });

        using var attack = await host.Client.GetAsync("/search?q=" + Inputs.Query(Inputs.SqlInjection));
        await WaitUntilAsync(() => host.ReportingStatistics.Failed > 0, "the sender gave the report up");

        using var benign = await host.Client.GetAsync("/search?q=socks");
        Assert.That(attack.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(benign.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(host.ReportingStatistics.Failed, Is.EqualTo(1));
        Assert.That(receiver.Reports, Is.Empty);
        Assert.That(host.Logs.Lines, Has.Some.Contains("the token endpoint refused client 'shop-frontend'"), string.Join("\n", host.Logs.Lines));
        Assert.That(host.Logs.Lines, Has.None.Contains("not-the-secret"));
    }
}
