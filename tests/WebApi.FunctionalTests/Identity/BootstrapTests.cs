using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

public sealed partial class BootstrapTests
{
    [GeneratedRegex("generated password: (\\S+)")]
    private static partial Regex GeneratedPassword();

    [Test]
    public async Task Without_a_configured_password_the_admin_gets_a_generated_one_printed_once_that_must_be_changed_first()
    {
        await using var factory = new ApiFactory { Settings = { ["Bootstrap:AdminPassword"] = "" } };
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        try
        {
            factory.StartServer();
        }
        finally
        {
            Console.SetOut(original);
        }

        var printed = GeneratedPassword().Matches(console.ToString());
        Assert.That(printed, Has.Count.EqualTo(1), "printed exactly once");
        var password = printed[0].Groups[1].Value;
        using var anonymous = factory.CreateClient();
        var login = JsonNode.Parse(await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password })).Content.ReadAsStringAsync())!;
        Assert.That(login["restricted"]!.GetValue<string>(), Is.EqualTo("password_change"));

        using var restricted = factory.CreateClientWithToken(login["access_token"]!.GetValue<string>());
        Assert.That((await restricted.GetAsync("/api/v1/users")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await restricted.PostAsJsonAsync("/api/v1/analyze", new { input = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var change = await restricted.PostAsJsonAsync("/api/v1/auth/password", new { current_password = password, new_password = "a much longer admin passphrase" });
        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var stored = await factory.QueryAsync(db => Task.FromResult(db.Users.Single().PasswordHash!));
        Assert.That(stored, Does.Not.Contain(password));
        using var admin = factory.CreateClientWithToken((await factory.LoginAsync("admin", "a much longer admin passphrase")).AccessToken);
        Assert.That((await admin.GetAsync("/api/v1/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_restart_does_not_create_or_print_a_second_admin()
    {
        await using var factory = new ApiFactory();
        factory.StartServer();

        var admins = await factory.QueryAsync(db => Task.FromResult(db.Users.Count()));

        Assert.That(admins, Is.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("only-31-bytes-long-signing-key!")]
    public void Production_refuses_to_start_without_a_signing_key_of_at_least_32_bytes(string key)
    {
        using var factory = new ApiFactory { EnvironmentName = "Production", Settings = { ["Jwt:SigningKey"] = key } };

        var error = Assert.Catch(() => factory.StartServer());

        Assert.That(error!.ToString(), Does.Contain("Jwt:SigningKey"));
    }

    [Test]
    public async Task Development_generates_a_signing_key_under_the_data_directory_and_keeps_it()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "infsec-tests", Guid.NewGuid().ToString("N"));
        string token;
        await using (var first = new ApiFactory { Settings = { ["Jwt:SigningKey"] = "", ["DataDirectory"] = dataDirectory } })
        {
            first.StartServer();
            token = (await first.LoginAsync(first.AdminUsername, first.AdminPassword)).AccessToken;
        }

        var keyFile = Path.Combine(dataDirectory, "jwt-signing-key.dev");
        Assert.That(File.Exists(keyFile), Is.True);
        var key = await File.ReadAllTextAsync(keyFile);
        Assert.That(Convert.FromBase64String(key), Has.Length.GreaterThanOrEqualTo(32));
        Assert.That(token, Is.Not.Empty);

        await using (var second = new ApiFactory { Settings = { ["Jwt:SigningKey"] = "", ["DataDirectory"] = dataDirectory } })
        {
            second.StartServer();
        }

        Assert.That(await File.ReadAllTextAsync(keyFile), Is.EqualTo(key), "a restart keeps the generated key");
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Test]
    public void Production_refuses_a_bootstrap_password_that_breaks_the_policy()
    {
        using var factory = new ApiFactory { EnvironmentName = "Production", Settings = { ["Bootstrap:AdminPassword"] = "short-pw1" } };

        var error = Assert.Catch(() => factory.StartServer());

        Assert.That(error!.ToString(), Does.Contain("at least 12 characters"));
    }
}
