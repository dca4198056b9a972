using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Duende.IdentityModel.Client;

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
        return await anonymous.ClientCredentialsTokenAsync(
            body["client"]!["client_id"]!.GetValue<string>(), body["client_secret"]!.GetValue<string>());
    }

    /// <summary>
    /// Asks /connect/token the way a standard OAuth 2.0 client library does (Duende.IdentityModel), with the
    /// credentials in HTTP Basic (<paramref name="style"/>) or in the form body.
    /// </summary>
    public static async Task<string> ClientCredentialsTokenAsync(this HttpClient anonymous, string clientId, string clientSecret,
        ClientCredentialStyle style = ClientCredentialStyle.AuthorizationHeader, string? scope = null)
    {
        var response = await anonymous.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token",
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientCredentialStyle = style,
            Scope = scope,
        });
        Assert.That(response.IsError, Is.False, $"{response.HttpStatusCode} {response.Error} {response.ErrorDescription}");
        return response.AccessToken!;
    }

    public static async Task<HttpClient> CreateMachineClientAsync(this ApiFactory factory, HttpClient admin, params string[] scopes) =>
        factory.CreateClientWithToken(await factory.MachineTokenAsync(admin, scopes));
}
