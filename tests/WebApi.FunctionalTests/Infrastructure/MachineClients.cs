using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>Machine clients the way an operator sets one up: the admin registers it, then it asks /connect/token.</summary>
public static class MachineClients
{
    /// <summary>Registers a client with <paramref name="scopes"/> and returns an access token for it.</summary>
    public static async Task<string> MachineTokenAsync(this ApiFactory factory, HttpClient admin, params string[] scopes)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/clients", new { name = "gateway-" + Guid.NewGuid().ToString("N")[..6], scopes });
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());

        using var anonymous = factory.CreateClient();
        var token = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = body["client"]!["client_id"]!.GetValue<string>(),
            ["client_secret"] = body["client_secret"]!.GetValue<string>(),
        }));
        var tokenBody = JsonNode.Parse(await token.Content.ReadAsStringAsync())!;
        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK), tokenBody.ToJsonString());
        return tokenBody["access_token"]!.GetValue<string>();
    }

    public static async Task<HttpClient> CreateMachineClientAsync(this ApiFactory factory, HttpClient admin, params string[] scopes) =>
        factory.CreateClientWithToken(await factory.MachineTokenAsync(admin, scopes));
}
