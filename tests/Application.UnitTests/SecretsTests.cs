using System.Text.RegularExpressions;
using InfiniteSecurity.Application.Common.Security;

namespace InfiniteSecurity.Application.UnitTests;

public sealed class SecretsTests
{
    [Test]
    public void Tokens_are_256_random_bits_in_base64url()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => Secrets.NewToken()).ToArray();

        Assert.That(tokens.Distinct().Count(), Is.EqualTo(100));
        Assert.That(tokens, Has.All.Matches<string>(t => Regex.IsMatch(t, "^[A-Za-z0-9_-]{43}$")));
    }

    [Test]
    public void A_hash_matches_only_its_own_secret()
    {
        var secret = Secrets.NewToken();
        var hash = Secrets.Hash(secret);

        Assert.That(hash, Has.Length.EqualTo(64).And.Not.Contain(secret));
        Assert.That(Secrets.Matches(secret, hash), Is.True);
        Assert.That(Secrets.Matches(secret + "x", hash), Is.False);
    }

    [Test]
    public void Recovery_codes_are_typed_forgivingly_but_hashed_identically()
    {
        var code = Secrets.NewRecoveryCode();

        Assert.That(code, Does.Match("^[A-Z0-9]{5}-[A-Z0-9]{5}$"));
        Assert.That(Secrets.HashRecoveryCode(" " + code.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal) + " "), Is.EqualTo(Secrets.HashRecoveryCode(code)));
    }

    [Test]
    public void Generated_passwords_are_twenty_characters_and_differ()
    {
        var a = Secrets.NewPassword();
        var b = Secrets.NewPassword();

        Assert.That(a, Has.Length.EqualTo(20));
        Assert.That(a, Is.Not.EqualTo(b));
    }
}
