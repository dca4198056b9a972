using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InfiniteSecurity.WebApi.FunctionalTests.Durability.CrashDurabilityTests;

namespace InfiniteSecurity.WebApi.FunctionalTests.Durability;

/// <summary>
/// With <c>Threats:StoreInput=Encrypted</c> and PostgreSQL down, a threat goes to the disk spool with its input as
/// ciphertext only, and after replay the input reads back whole. A PostgreSQL server of its own, as the outage tests.
/// </summary>
public sealed class StoredInputSpoolTests : OwnPostgresFixture
{
    [Test]
    public async Task A_spooled_threat_holds_its_input_only_as_ciphertext_and_the_input_reads_back_after_replay()
    {
        await using var service = Database.Service().With("Threats__StoreInput", "Encrypted");
        await service.StartAsync();
        using var admin = await service.CreateClientAsync(TimeSpan.FromSeconds(30));
        var marker = "spooled" + Guid.NewGuid().ToString("N")[..10];
        var input = $"{marker}' UNION SELECT secret FROM vault WHERE owner='{marker}' --";

        // One answered request before the outage: the instance has seen this session alive (docs/operations.md).
        (await admin.PostAsJsonAsync("api/v1/analyze", new { input = "hello" })).EnsureSuccessStatusCode();
        await Postgres.StopAsync();
        var analysed = await admin.PostAsJsonAsync("api/v1/analyze", new { input });
        var answer = JsonNode.Parse(await analysed.Content.ReadAsStringAsync())!;
        Assert.That(analysed.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer.ToJsonString());
        Assert.That(answer["analysis"]!["threat"]!.GetValue<bool>(), Is.True);
        var requestId = Guid.Parse(answer["request_id"]!.GetValue<string>());

        var spooled = Directory.EnumerateFiles(service.SpoolDirectory, "*.jsonl").Select(File.ReadAllText).ToList();
        var spoolText = string.Concat(spooled);

        await Postgres.StartAgainAsync();
        await WaitForEmptySpoolAsync(service.SpoolDirectory);
        await using var db = Database.Open();
        var threatId = await db.Threats.Where(t => t.RequestId == requestId).Select(t => t.Id).SingleAsync();
        var readBack = await ReadInputAsync(admin, threatId);

        Assert.Multiple(() =>
        {
            Assert.That(spoolText, Does.Contain(requestId.ToString()), "the threat was spooled");
            Assert.That(spoolText, Does.Contain("\"Ciphertext\""), "its input travelled with it");
            Assert.That(spoolText, Does.Not.Contain(marker), "plaintext in the spool");
            Assert.That(spoolText, Does.Not.Contain(Convert.ToBase64String(Encoding.UTF8.GetBytes(input))[..24]), "base64 of the plaintext in the spool");
            Assert.That(readBack, Is.EqualTo(input));
        });
    }

    private static async Task<string> ReadInputAsync(HttpClient client, Guid threatId)
    {
        // The database has just come back; the first reads may still meet the circuit or a stale pool.
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync($"api/v1/threats/{threatId}/input");
            if (response.StatusCode == HttpStatusCode.OK || attempt == 20)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
                return JsonNode.Parse(body)!["input"]!.GetValue<string>();
            }

            await Task.Delay(500);
        }
    }
}
