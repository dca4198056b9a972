using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.UnitTests.Common;
using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Domain.UnitTests.Users;

public sealed class UserCredentialTests
{
    private readonly ManualTime _time = new();

    private User NewUser() => User.Create("carol", UserRole.User, _time);

    [Test]
    public void A_generated_password_must_be_changed_and_a_chosen_one_need_not()
    {
        var user = NewUser();

        user.SetPassword("hash-1", mustChange: true);
        Assert.That(user.MustChangePassword, Is.True);

        user.SetPassword("hash-2", mustChange: false);
        Assert.That(user.MustChangePassword, Is.False);
        Assert.That(user.PasswordHash, Is.EqualTo("hash-2"));
    }

    [Test]
    public void Mfa_turns_on_only_after_enrolment_and_with_recovery_codes()
    {
        var user = NewUser();

        Assert.Throws<DomainException>(() => user.EnableTwoFactor(["h1"]));
        user.BeginAuthenticatorEnrolment("protected-key");
        Assert.That(user.TwoFactorEnabled, Is.False);
        Assert.Throws<DomainException>(() => user.EnableTwoFactor([]));

        user.EnableTwoFactor(["h1", "h2"]);

        Assert.That(user.TwoFactorEnabled, Is.True);
        Assert.That(user.RecoveryCodesLeft, Is.EqualTo(2));
        Assert.Throws<DomainException>(() => user.BeginAuthenticatorEnrolment("another-key"), "re-enrolling would silently replace a working authenticator");
    }

    [Test]
    public void A_recovery_code_is_used_up_once()
    {
        var user = NewUser();
        user.BeginAuthenticatorEnrolment("protected-key");
        user.EnableTwoFactor(["h1", "h2"]);

        Assert.That(user.RedeemRecoveryCode("h2"), Is.True);
        Assert.That(user.RedeemRecoveryCode("h2"), Is.False);
        Assert.That(user.RedeemRecoveryCode("unknown"), Is.False);
        Assert.That(user.RecoveryCodesLeft, Is.EqualTo(1));
        Assert.That(user.RedeemRecoveryCode("h1"), Is.True);
        Assert.That(user.RecoveryCodesLeft, Is.Zero);
    }

    [Test]
    public void Recovery_code_hashes_cannot_smuggle_the_separator()
    {
        var user = NewUser();
        user.BeginAuthenticatorEnrolment("protected-key");

        Assert.Throws<DomainException>(() => user.EnableTwoFactor(["a;b"]));
    }

    [Test]
    public void Disabling_mfa_forgets_the_key_and_the_codes()
    {
        var user = NewUser();
        user.BeginAuthenticatorEnrolment("protected-key");
        user.EnableTwoFactor(["h1"]);

        user.DisableTwoFactor();

        Assert.That(user.TwoFactorEnabled, Is.False);
        Assert.That(user.ProtectedAuthenticatorKey, Is.Null);
        Assert.That(user.RedeemRecoveryCode("h1"), Is.False);
    }

    [Test]
    public void An_authenticator_code_is_accepted_once_within_its_lifetime()
    {
        var user = NewUser();

        Assert.That(user.UseAuthenticatorCode("code-hash", _time), Is.True);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.That(user.UseAuthenticatorCode("code-hash", _time), Is.False);
        Assert.That(user.UseAuthenticatorCode("other-hash", _time), Is.True);
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.That(user.UseAuthenticatorCode("other-hash", _time), Is.True, "long after, the same digits are a new code");
    }
}
