using System.Net;
using System.Net.Sockets;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Gateway;

/// <summary>
/// deploy/nginx/infinitesecurity-gate.conf in real nginx, in front of an application, with the real service as the
/// gate: what a client of the protected site sees, and what reaches the application.
/// </summary>
public sealed class NginxGateTests() : ServiceFixture(DatabaseProvider.Sqlite)
{
    private const string Attack = "/products?id=1%27%20OR%20%271%27%3D%271";

    private string _token = null!;

    protected override bool SignInAdmin => true;

    [OneTimeSetUp]
    public async Task RegisterGateway()
    {
        NginxGateway.Require();
        _token = await Factory.MachineTokenAsync(Admin, "analyze");

        // A deployed service is warm; a cold one on a busy test machine can miss nginx's 2 s gate timeout on its
        // first inspections (JIT), which would test the fail mode instead of the gate.
        using var gateway = Factory.CreateClientWithToken(_token);
        foreach (var uri in new[] { "/?warm=1", Attack })
        {
            var warm = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gate") { Headers = { { "X-Original-Method", "GET" }, { "X-Original-URI", uri } } };
            warm.Headers.TryAddWithoutValidation("Cookie", "pref=%3Cb%3E");
            await gateway.SendAsync(warm);
        }
    }

    private int ServicePort => Anonymous.BaseAddress!.Port;

    private static HttpClient ClientOf(NginxGateway nginx) => new() { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(20) };

    [Test]
    public async Task Attack_in_the_query_string_is_403_naming_the_rule_and_never_reaches_the_application()
    {
        await using var nginx = await NginxGateway.StartAsync(ServicePort, _token, failOpen: false);
        using var client = ClientOf(nginx);

        var response = await client.GetAsync(Attack);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(response.Headers.GetValues("X-InfiniteSecurity-Rule").Single(), Does.StartWith("sqli."));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"title\":\"Request blocked\""));
        Assert.That(await nginx.UpstreamRequestsAsync(), Is.Empty);
    }

    [Test]
    public async Task Benign_requests_with_and_without_a_body_get_the_application_answer()
    {
        await using var nginx = await NginxGateway.StartAsync(ServicePort, _token, failOpen: false);
        using var client = ClientOf(nginx);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64)");

        var get = await client.GetAsync("/products?category=shoes&page=2");
        var post = await client.PostAsync("/basket", new FormUrlEncodedContent(new Dictionary<string, string> { ["item"] = "42", ["quantity"] = "2" }));

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo("upstream ok\n"));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await nginx.UpstreamRequestsAsync(), Is.EqualTo(new[] { "GET /products?category=shoes&page=2", "POST /basket" }));
    }

    [Test]
    public async Task Attack_in_a_client_header_is_blocked_too()
    {
        await using var nginx = await NginxGateway.StartAsync(ServicePort, _token, failOpen: false);
        using var client = ClientOf(nginx);
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Cookie", "pref=%3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E");

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await nginx.UpstreamRequestsAsync(), Is.Empty);
    }

    [Test]
    public async Task Fail_closed_when_the_service_is_down_nothing_reaches_the_application()
    {
        await using var nginx = await NginxGateway.StartAsync(TestEnvironment.FreePort(), _token, failOpen: false);
        using var client = ClientOf(nginx);

        var response = await client.GetAsync("/products?category=shoes");

        Assert.That((int)response.StatusCode, Is.EqualTo(503));
        Assert.That(await nginx.UpstreamRequestsAsync(), Is.Empty);
    }

    [Test]
    public async Task Fail_open_when_the_service_is_down_or_does_not_answer_in_time_requests_pass()
    {
        await using var down = await NginxGateway.StartAsync(TestEnvironment.FreePort(), _token, failOpen: true);
        using var downClient = ClientOf(down);
        Assert.That((await downClient.GetAsync("/products?category=shoes")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await down.UpstreamRequestsAsync(), Is.EqualTo(new[] { "GET /products?category=shoes" }));

        // A service that accepts the connection and never answers: nginx's read timeout, then the fail mode.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new System.Collections.Concurrent.ConcurrentBag<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await silent.AcceptTcpClientAsync());
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // The listener was stopped at the end of the test.
            }
        });
        await using var hanging = await NginxGateway.StartAsync(((IPEndPoint)silent.LocalEndpoint).Port, _token, failOpen: true);
        using var hangingClient = ClientOf(hanging);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Assert.That((await hangingClient.GetAsync("/slow")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(watch.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.5)), "after the gate's read timeout");
        Assert.That(await hanging.UpstreamRequestsAsync(), Is.EqualTo(new[] { "GET /slow" }));
        silent.Stop();
        await accepting;
        foreach (var connection in accepted)
        {
            connection.Dispose();
        }
    }

    [Test]
    public async Task Fail_closed_when_the_gate_token_is_not_accepted()
    {
        await using var nginx = await NginxGateway.StartAsync(ServicePort, "not-a-token", failOpen: false);
        using var client = ClientOf(nginx);

        Assert.That((int)(await client.GetAsync("/products")).StatusCode, Is.EqualTo(503));
        Assert.That(await nginx.UpstreamRequestsAsync(), Is.Empty);
    }
}
