using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.Infrastructure.Persistence.Inputs;
using InfiniteSecurity.Infrastructure.Persistence.Retention;
using InfiniteSecurity.WebApi.FunctionalTests.Feedback;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using InfiniteSecurity.WebApi.FunctionalTests.Inspection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Threats;

/// <summary>
/// <c>Threats:StoreInput=Encrypted</c>: the whole input is kept encrypted beside its threat, read back only by analysts
/// and admins, every read audited, and deleted with the threat.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class StoredInputTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private HttpClient _analyst = null!;

    protected override bool SignInAdmin => true;

    protected override ApiFactory CreateFactory() => new() { Provider = Provider, Settings = { ["Threats:StoreInput"] = "Encrypted" } };

    [OneTimeSetUp]
    public async Task SignInAnalyst() => _analyst = await Factory.CreateUserClientAsync("analyst");

    [OneTimeTearDown]
    public void SignOutAnalyst() => _analyst.Dispose();

    /// <summary>An attack with a marker of its own, so a test can look for exactly this input in the database.</summary>
    private static string Attack(string marker) => $"{marker}' UNION SELECT password FROM accounts WHERE name='{marker}' --";

    private static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..12];

    [Test]
    public async Task Analyst_reads_the_whole_input_back_and_the_database_holds_only_ciphertext()
    {
        var marker = Marker();
        var input = Attack(marker) + " trailing note " + new string('x', 3000);
        var threat = await Factory.AnalyzeThreatAsync(_analyst, input);

        var detail = await _analyst.GetFromJsonAsync<JsonObject>($"/api/v1/threats/{threat.ThreatId}");
        var response = await _analyst.GetAsync($"/api/v1/threats/{threat.ThreatId}/input");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var body = JsonNode.Parse(text)!.AsObject();

        var row = await Factory.QueryAsync(db => db.ThreatInputs.AsNoTracking().SingleAsync(i => i.ThreatId == threat.ThreatId));
        var columns = await RawCiphertextsAsync();
        TestContext.Out.WriteLine($"{Provider}: input {Encoding.UTF8.GetByteCount(input)} bytes, ciphertext {row.Ciphertext.Length} bytes");
        Assert.Multiple(() =>
        {
            Assert.That(detail!["input_stored"]!.GetValue<bool>(), Is.True);
            Assert.That(body["threat_id"]!.GetValue<string>(), Is.EqualTo(threat.ThreatId.ToString()));
            Assert.That(body["input"]!.GetValue<string>(), Is.EqualTo(input));
            Assert.That(body["input_encoding"]!.GetValue<string>(), Is.EqualTo("utf-8"));
            Assert.That(body["content_type"]!.GetValue<string>(), Does.StartWith("text/plain"));
            Assert.That(body["stored_at"]!.GetValue<DateTime>(), Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(5)));
            Assert.That(columns, Has.Some.EqualTo(row.Ciphertext), "the raw read sees the stored row");
            Assert.That(columns.Where(c => Contains(c, marker)), Is.Empty, "a stored column holds the marker in plaintext");
            Assert.That(row.Ciphertext.Length, Is.GreaterThan(input.Length), "a ciphertext is at least as long as what it protects");
        });
    }

    [Test]
    public async Task Every_read_is_audited_with_the_reader_and_the_threat()
    {
        var threat = await Factory.AnalyzeThreatAsync(_analyst, Attack(Marker()));
        var analystId = (await _analyst.GetFromJsonAsync<JsonObject>("/api/v1/auth/me"))!["id"]!.GetValue<string>();

        (await _analyst.GetAsync($"/api/v1/threats/{threat.ThreatId}/input")).EnsureSuccessStatusCode();
        (await Admin.GetAsync($"/api/v1/threats/{threat.ThreatId}/input")).EnsureSuccessStatusCode();

        var reads = await Factory.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EventType == AuditEventType.ThreatInputRead && e.Details!.Contains($"threat={threat.ThreatId} "))
            .ToListAsync());
        Assert.That(reads, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(reads.Select(r => r.Actor), Does.Contain(analystId));
            Assert.That(reads.Select(r => r.Actor), Has.Some.Not.EqualTo(analystId), "the admin's read is its own event");
            Assert.That(reads, Has.All.Matches<AuditEvent>(r => r.Outcome == AuditOutcome.Success && r.Details!.Contains("result=read")));
        });
    }

    [Test]
    public async Task A_plain_user_is_refused_the_input_even_of_their_own_threat()
    {
        using var user = await Factory.CreateUserClientAsync();
        var threat = await Factory.AnalyzeThreatAsync(user, Attack(Marker()));

        var own = await user.GetFromJsonAsync<JsonObject>($"/api/v1/threats/{threat.ThreatId}");
        var response = await user.GetAsync($"/api/v1/threats/{threat.ThreatId}/input");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(own!["input_stored"]!.GetValue<bool>(), Is.True, "the owner may know that it is kept");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(text, Does.Not.Contain("UNION"));
        });
    }

    [Test]
    public async Task An_inspected_request_reads_back_as_the_raw_message_the_api_received()
    {
        var marker = Marker();
        var form = $"comment={marker}";
        var message = $"POST /orders/find?ref=1%27%20OR%20%271%27%3D%271 HTTP/1.1\r\nHost: store.example\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {form.Length}\r\n\r\n{form}";
        var verdict = await InspectEndpointTests.Ok(await _analyst.PostAsync("/api/v2/inspect", InspectEndpointTests.Raw(message)));
        var threatId = Guid.Parse(verdict["threat_id"]!.GetValue<string>());

        var body = (await _analyst.GetFromJsonAsync<JsonObject>($"/api/v1/threats/{threatId}/input"))!;
        var row = await Factory.QueryAsync(db => db.ThreatInputs.AsNoTracking().SingleAsync(i => i.ThreatId == threatId));
        Assert.Multiple(() =>
        {
            Assert.That(body["input"]!.GetValue<string>(), Is.EqualTo(message));
            Assert.That(body["content_type"]!.GetValue<string>(), Is.EqualTo("message/http"));
            Assert.That(Contains(row.Ciphertext, marker), Is.False);
        });
    }

    [Test]
    public async Task An_input_no_key_of_the_ring_opens_is_a_clear_problem_and_the_attempt_is_audited()
    {
        var threat = await Factory.AnalyzeThreatAsync(_analyst, Attack(Marker()));

        // As if the key ring that wrote it were lost: a ciphertext from a key this service never had.
        var foreign = new EphemeralDataProtectionProvider().CreateProtector(ThreatInputProtector.Purpose).Protect(Encoding.UTF8.GetBytes("x"));
        await Factory.QueryAsync(db => db.ThreatInputs.Where(i => i.ThreatId == threat.ThreatId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Ciphertext, foreign)));

        var response = await _analyst.GetAsync($"/api/v1/threats/{threat.ThreatId}/input");
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(text)!.AsObject();
        var audit = await Factory.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EventType == AuditEventType.ThreatInputRead && e.Details!.Contains($"threat={threat.ThreatId} ")).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("Stored input cannot be decrypted"));
            Assert.That(text, Does.Not.Contain("CryptographicException").And.Not.Contain("   at "));
            Assert.That(audit, Has.Count.EqualTo(1));
            Assert.That(audit.Single().Outcome, Is.EqualTo(AuditOutcome.Failure));
            Assert.That(audit.Single().Details, Does.Contain("result=undecryptable"));
        });
    }

    [Test]
    public async Task The_input_is_never_in_the_siem_stream()
    {
        var marker = Marker();
        await Factory.AnalyzeThreatAsync(_analyst, Attack(marker));
        var leaked = await Factory.QueryAsync(db => db.SecurityEvents.AsNoTracking()
            .CountAsync(e => (e.Details != null && e.Details.Contains(marker)) || (e.RuleIds != null && e.RuleIds.Contains(marker))));
        Assert.That(leaked, Is.Zero);
    }

    [Test]
    public async Task Retention_deletes_inputs_with_their_threats_and_sooner_when_input_days_is_shorter()
    {
        await using var factory = await new ApiFactory
        {
            Provider = Provider,
            Settings = { ["Threats:StoreInput"] = "Encrypted", ["Retention:Days"] = "30", ["Retention:InputDays"] = "7" },
        }.StartAsync();
        using var analyst = await factory.CreateUserClientAsync("analyst");
        var threat = await factory.AnalyzeThreatAsync(analyst, Attack(Marker()));
        (await analyst.GetAsync($"/api/v1/threats/{threat.ThreatId}/input")).EnsureSuccessStatusCode();

        var now = DateTimeOffset.UtcNow;
        await RetentionAt(factory, now.AddDays(8));
        var afterInputDays = await analyst.GetAsync($"/api/v1/threats/{threat.ThreatId}/input");
        var detail = await analyst.GetFromJsonAsync<JsonObject>($"/api/v1/threats/{threat.ThreatId}");

        await RetentionAt(factory, now.AddDays(31));
        var threatsLeft = await factory.QueryAsync(db => db.Threats.CountAsync(t => t.Id == threat.ThreatId));
        Assert.Multiple(() =>
        {
            Assert.That(afterInputDays.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(detail!["input_stored"]!.GetValue<bool>(), Is.False);
            Assert.That(threatsLeft, Is.Zero);
        });
    }

    [Test]
    public async Task Retention_of_a_threat_takes_its_input_along()
    {
        await using var factory = await new ApiFactory
        {
            Provider = Provider,
            Settings = { ["Threats:StoreInput"] = "Encrypted", ["Retention:Days"] = "30" },
        }.StartAsync();
        using var analyst = await factory.CreateUserClientAsync("analyst");
        var threat = await factory.AnalyzeThreatAsync(analyst, Attack(Marker()));
        var before = await factory.QueryAsync(db => db.ThreatInputs.CountAsync(i => i.ThreatId == threat.ThreatId));

        await RetentionAt(factory, DateTimeOffset.UtcNow.AddDays(31));

        var after = await factory.QueryAsync(db => db.ThreatInputs.CountAsync(i => i.ThreatId == threat.ThreatId));
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(1));
            Assert.That(after, Is.Zero);
        });
    }

    private static async Task RetentionAt(ApiFactory factory, DateTimeOffset at)
    {
        var job = ActivatorUtilities.CreateInstance<RetentionJob>(factory.Services, (TimeProvider)new FixedTime(at));
        await job.RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Every stored input column as the database holds it, read with a plain command (not through the model).</summary>
    private Task<List<byte[]>> RawCiphertextsAsync() => Factory.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ciphertext FROM threat_inputs";
        var rows = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((byte[])reader.GetValue(0));
        }

        return rows;
    });

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0
        || Encoding.UTF8.GetString(haystack).Contains(needle, StringComparison.Ordinal)
        || Convert.ToBase64String(haystack).Contains(needle, StringComparison.Ordinal);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
