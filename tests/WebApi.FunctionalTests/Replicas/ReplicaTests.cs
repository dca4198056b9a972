using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Replicas;

/// <summary>
/// Two service processes on one PostgreSQL database behind nginx (round robin), as a scaled-out deployment runs:
/// what one replica knows (failed sign-ins, ended sessions, stored threats) must hold on the other.
/// </summary>
[NonParallelizable]
public sealed class ReplicaTests
{
    private ScratchDatabase _database = null!;
    private ServiceProcess _a = null!;
    private ServiceProcess _b = null!;
    private NginxBalancer _nginx = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartReplicas()
    {
        NginxGateway.Require();
        _database = await ScratchDatabase.CreateAsync(DatabaseProvider.Postgres);

        // Replicas share what a deployment shares: the signing key (a Secret) and the database.
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        _a = _database.Service("a").With("Jwt__SigningKey", signingKey).With("Auth__RevocationCacheSeconds", "1");
        _b = _database.Service("b").With("Jwt__SigningKey", signingKey).With("Auth__RevocationCacheSeconds", "1");

        // One after the other, as a rolling deployment does: the first applies the migrations.
        await _a.StartAsync();
        await _b.StartAsync();
        _nginx = await NginxBalancer.StartAsync(_a.Port, _b.Port);
        _admin = await _a.CreateClientAsync(TimeSpan.FromSeconds(30));
    }

    [OneTimeTearDown]
    public async Task StopReplicas()
    {
        _admin?.Dispose();
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private HttpClient ThroughNginx(string? accessToken = null)
    {
        var client = new HttpClient { BaseAddress = _nginx.Address, Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    private static HttpClient Direct(ServiceProcess replica, string accessToken) =>
        new() { BaseAddress = replica.BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) } };

    private async Task<(string Username, string Password)> CreateUserAsync()
    {
        var username = "replica-" + Guid.NewGuid().ToString("N")[..8];
        var password = "pw-" + Guid.NewGuid().ToString("N")[..20];
        var created = await _admin.PostAsJsonAsync("api/v1/users", new { username, password, role = "user" });
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        return (username, password);
    }

    [Test]
    public async Task Five_failed_sign_ins_spread_over_both_replicas_lock_the_account()
    {
        var (username, password) = await CreateUserAsync();
        using var client = ThroughNginx();
        var statuses = new List<HttpStatusCode>();
        var servedBy = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("api/v1/auth/login", new { username, password = "wrong-" + i });
            statuses.Add(response.StatusCode);
            servedBy.UnionWith(response.Headers.GetValues("X-Served-By"));
        }

        Assert.That(servedBy, Has.Count.EqualTo(2), "round robin should have sent the guesses to both replicas");
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)423 }));

        // Locked on both: the right password is refused by each replica directly.
        foreach (var replica in new[] { _a, _b })
        {
            using var direct = new HttpClient { BaseAddress = replica.BaseAddress };
            var right = await direct.PostAsJsonAsync("api/v1/auth/login", new { username, password });
            Assert.That((int)right.StatusCode, Is.EqualTo(423), $"replica on port {replica.Port}");
        }
    }

    [Test]
    public async Task Logout_on_one_replica_ends_the_access_token_on_the_other()
    {
        var (username, password) = await CreateUserAsync();
        using var anonymousA = new HttpClient { BaseAddress = _a.BaseAddress };
        var login = await anonymousA.PostAsJsonAsync("api/v1/auth/login", new { username, password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        using var onA = Direct(_a, token);
        using var onB = Direct(_b, token);

        // B has seen the session alive (and cached that answer) before A ends it.
        Assert.That((await onB.GetAsync("api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await onA.PostAsync("api/v1/auth/logout", null)).StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.NoContent));
        Assert.That((await onA.GetAsync("api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "at once on the replica that ended it");

        // The other replica within its revocation cache time (1 s here), polled rather than slept.
        var status = HttpStatusCode.OK;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && (status = (await onB.GetAsync("api/v1/auth/me")).StatusCode) == HttpStatusCode.OK)
        {
            await Task.Delay(100);
        }

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Every_threat_acknowledged_by_either_replica_under_load_is_stored_exactly_once()
    {
        var token = _admin.DefaultRequestHeaders.Authorization!.Parameter!;
        using var client = ThroughNginx(token);
        var load = new AttackLoad(client);
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            // Bounded by count, not by time: a slow machine gets the same amount of evidence.
            var running = load.RunAsync(workers: 32, stop.Token);
            while (load.Acknowledged.Count < 500 && !running.IsCompleted)
            {
                await Task.Delay(50);
            }

            await stop.CancelAsync();
            await running;
        }

        var acknowledged = load.Acknowledged.ToList();
        TestContext.Out.WriteLine($"{acknowledged.Count} threats acknowledged through nginx; statuses {string.Join(", ", load.Statuses.Select(s => $"{(int)s.Key}×{s.Value}"))}");
        Assert.That(acknowledged, Has.Count.GreaterThanOrEqualTo(500), "the load should have produced threats");
        Assert.That(load.ConnectionErrors, Is.Zero);
        Assert.That(acknowledged, Is.Unique);

        await using var db = _database.Open();
        var stored = await db.Threats.Where(t => acknowledged.Contains(t.RequestId)).Select(t => t.RequestId).ToListAsync();
        Assert.That(stored, Has.Count.EqualTo(acknowledged.Count));
        Assert.That(stored, Is.EquivalentTo(acknowledged));
    }
}
