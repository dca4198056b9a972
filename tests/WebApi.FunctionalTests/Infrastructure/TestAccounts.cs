using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>Signs in over HTTP like a real client: the bootstrap admin, or a fresh user the admin creates.</summary>
public static class TestAccounts
{
    public sealed record Account(string Username, string Password, string Id);

    public sealed record Tokens(string AccessToken, string RefreshToken);

    public static async Task<Tokens> LoginAsync(this ApiFactory factory, string username, string password)
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"login as {username} failed: {(int)response.StatusCode} {body}");
        var json = JsonNode.Parse(body)!;
        return new Tokens(json["access_token"]!.GetValue<string>(), json["refresh_token"]!.GetValue<string>());
    }

    public static HttpClient CreateClientWithToken(this ApiFactory factory, string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<HttpClient> CreateAdminClientAsync(this ApiFactory factory) =>
        factory.CreateClientWithToken((await factory.LoginAsync(factory.AdminUsername, factory.AdminPassword)).AccessToken);

    /// <summary>Creates a user with the given role through the admin API.</summary>
    public static async Task<Account> CreateAccountAsync(this ApiFactory factory, string role = "user", string? username = null)
    {
        using var admin = await factory.CreateAdminClientAsync();
        username ??= $"{role}-{Guid.NewGuid().ToString("N")[..8]}";
        var password = "pw-" + Guid.NewGuid().ToString("N")[..20];
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { username, password, role });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(201), body);
        return new Account(username, password, JsonNode.Parse(body)!["id"]!.GetValue<string>());
    }

    /// <summary>A client signed in as a new user of the given role.</summary>
    public static async Task<HttpClient> CreateUserClientAsync(this ApiFactory factory, string role = "user")
    {
        var account = await factory.CreateAccountAsync(role);
        return factory.CreateClientWithToken((await factory.LoginAsync(account.Username, account.Password)).AccessToken);
    }
}
