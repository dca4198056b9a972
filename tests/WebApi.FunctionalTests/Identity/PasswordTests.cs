using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using InfiniteSecurity.Domain.Users;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.WebApi.FunctionalTests.Identity;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class PasswordTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    protected override bool SignInAdmin => true;

    private static int IterationsOf(string identityV3Hash)
    {
        var bytes = Convert.FromBase64String(identityV3Hash);
        Assert.That(bytes[0], Is.EqualTo(0x01), "Identity V3 format");
        Assert.That(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), Is.EqualTo((uint)KeyDerivationPrfSha512), "HMAC-SHA512");
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
    }

    private const int KeyDerivationPrfSha512 = 2;

    private Task<HttpResponseMessage> Create(string password) =>
        Admin.PostAsJsonAsync("/api/v1/users", new { username = "u-" + Guid.NewGuid().ToString("N")[..8], password, role = "user" });

    [Test]
    public async Task New_passwords_are_hashed_with_pbkdf2_sha512_at_220000_iterations()
    {
        var account = await Factory.CreateAccountAsync();

        var hash = await Factory.QueryAsync(db => db.Users.Where(u => u.UserName == account.Username).Select(u => u.PasswordHash!).SingleAsync());

        Assert.That(IterationsOf(hash), Is.GreaterThanOrEqualTo(220_000));
        Assert.That(hash, Does.Not.Contain(account.Password));
    }

    [Test]
    public async Task An_older_weaker_hash_is_upgraded_at_the_next_login()
    {
        var account = await Factory.CreateAccountAsync();
        var old = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await Factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == account.Username);
            user.SetPassword(old.HashPassword(user, account.Password), mustChange: false);
            return await db.SaveChangesAsync();
        });

        await Factory.LoginAsync(account.Username, account.Password);

        var hash = await Factory.QueryAsync(db => db.Users.Where(u => u.UserName == account.Username).Select(u => u.PasswordHash!).SingleAsync());
        Assert.That(IterationsOf(hash), Is.EqualTo(220_000));
        Assert.That(await Factory.LoginAsync(account.Username, account.Password), Is.Not.Null);
    }

    [TestCase("password123", "common")]
    [TestCase("qwertyuiop", "common")]
    [TestCase("short7!", "at least 8")]
    public async Task Weak_passwords_are_refused_with_400_naming_the_reason(string password, string reason)
    {
        var response = await Create(password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(reason));
    }

    [Test]
    public async Task Passwords_up_to_128_characters_without_composition_rules_are_accepted_and_longer_ones_refused()
    {
        Assert.That((await Create("all lower case words only")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await Create(new string('x', 100) + "abcdefghijklmnopqrstuvwxyz01")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var tooLong = await Create(new string('y', 129));
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await tooLong.Content.ReadAsStringAsync(), Does.Contain("at most 128"));
    }

    [Test]
    public async Task Production_requires_at_least_12_characters()
    {
        await using var factory = new ApiFactory { EnvironmentName = "Production" };
        factory.StartServer();
        using var admin = await factory.CreateAdminClientAsync();

        var eleven = await admin.PostAsJsonAsync("/api/v1/users", new { username = "prod-user", password = "elevenchars", role = "user" });
        var twelve = await admin.PostAsJsonAsync("/api/v1/users", new { username = "prod-user", password = "twelve chars", role = "user" });

        Assert.That(eleven.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await eleven.Content.ReadAsStringAsync(), Does.Contain("at least 12"));
        Assert.That(twelve.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
