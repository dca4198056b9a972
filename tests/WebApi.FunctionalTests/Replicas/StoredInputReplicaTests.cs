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
/// Two service processes on one PostgreSQL database, each with a data directory of its own (no shared volume): the key
/// ring in the database (ADR 0022) lets one replica decrypt the input another stored.
/// </summary>
[NonParallelizable]
public sealed class StoredInputReplicaTests
{
    [Test]
    public async Task A_second_replica_reads_the_input_the_first_stored()
    {
        await using var database = await ScratchDatabase.CreateAsync(DatabaseProvider.Postgres);
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        await using var a = database.Service("a").With("Jwt__SigningKey", signingKey).With("Threats__StoreInput", "Encrypted");
        await using var b = database.Service("b").With("Jwt__SigningKey", signingKey).With("Threats__StoreInput", "Encrypted");
        await a.StartAsync();
        await b.StartAsync();

        using var onA = await a.CreateClientAsync(TimeSpan.FromSeconds(30));
        var input = "ref=9' UNION SELECT card FROM wallets WHERE holder='replica-probe' --";
        var answer = await (await onA.PostAsJsonAsync("api/v1/analyze", new { input })).Content.ReadFromJsonAsync<JsonObject>();
        var requestId = Guid.Parse(answer!["request_id"]!.GetValue<string>());
        await using var db = database.Open();
        var threatId = await db.Threats.Where(t => t.RequestId == requestId).Select(t => t.Id).SingleAsync();

        using var onB = new HttpClient { BaseAddress = b.BaseAddress };
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", onA.DefaultRequestHeaders.Authorization!.Parameter);
        var response = await onB.GetAsync($"api/v1/threats/{threatId}/input");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(JsonNode.Parse(body)!["input"]!.GetValue<string>(), Is.EqualTo(input));
    }
}
