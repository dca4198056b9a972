using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.UnitTests.Common;
using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Domain.UnitTests.Users;

public sealed class UserTests
{
    private readonly ManualTime _time = new();

    [Test]
    public void Create_normalises_the_user_name_and_stamps_utc_creation_time()
    {
        var user = User.Create("  Alice ", UserRole.Analyst, _time);

        Assert.Multiple(() =>
        {
            Assert.That(user.UserName, Is.EqualTo("Alice"));
            Assert.That(user.NormalizedUserName, Is.EqualTo("ALICE"));
            Assert.That(user.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(user.CreatedAt, Is.EqualTo(_time.GetUtcNow().UtcDateTime));
            Assert.That(user.Id, Is.Not.EqualTo(Guid.Empty));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("bad\nname")]
    public void Create_refuses_blank_or_control_character_names(string name) =>
        Assert.Throws<DomainException>(() => User.Create(name, UserRole.User, _time));

    [Test]
    public void Login_locks_account_after_five_failures()
    {
        var user = User.Create("bob", UserRole.User, _time);
        var lockedAfter = Enumerable.Range(1, 5).Select(_ => user.RegisterFailedLogin(LockoutPolicy.Default, _time)).ToArray();

        Assert.That(lockedAfter, Is.EqualTo(new[] { false, false, false, false, true }));
        Assert.That(user.IsLockedOut(_time.GetUtcNow().UtcDateTime), Is.True);
        Assert.Throws<DomainException>(() => user.RegisterSuccessfulLogin(_time));
    }

    [Test]
    public void Lockout_ends_after_its_duration_and_the_count_starts_again()
    {
        var user = User.Create("bob", UserRole.User, _time);
        for (var i = 0; i < 5; i++)
        {
            user.RegisterFailedLogin(LockoutPolicy.Default, _time);
        }

        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        Assert.That(user.IsLockedOut(_time.GetUtcNow().UtcDateTime), Is.False);
        Assert.That(user.RegisterFailedLogin(LockoutPolicy.Default, _time), Is.False);
        Assert.That(user.FailedLoginCount, Is.EqualTo(1));
    }

    [Test]
    public void Successful_login_resets_the_failure_count()
    {
        var user = User.Create("bob", UserRole.User, _time);
        user.RegisterFailedLogin(LockoutPolicy.Default, _time);
        user.RegisterFailedLogin(LockoutPolicy.Default, _time);

        user.RegisterSuccessfulLogin(_time);

        Assert.That(user.FailedLoginCount, Is.Zero);
        Assert.That(user.LastLoginAt, Is.EqualTo(_time.GetUtcNow().UtcDateTime));
    }

    [Test]
    public void Admin_unlock_lets_a_locked_user_sign_in()
    {
        var user = User.Create("bob", UserRole.User, _time);
        for (var i = 0; i < 5; i++)
        {
            user.RegisterFailedLogin(LockoutPolicy.Default, _time);
        }

        user.Unlock();

        Assert.DoesNotThrow(() => user.RegisterSuccessfulLogin(_time));
    }

    [Test]
    public void Disabled_user_cannot_sign_in()
    {
        var user = User.Create("bob", UserRole.User, _time);
        user.Disable();

        Assert.Throws<DomainException>(() => user.RegisterSuccessfulLogin(_time));
    }

    [Test]
    public void Change_role_refuses_an_undefined_role()
    {
        var user = User.Create("bob", UserRole.User, _time);

        Assert.Throws<DomainException>(() => user.ChangeRole((UserRole)42));
        user.ChangeRole(UserRole.Admin);
        Assert.That(user.Role, Is.EqualTo(UserRole.Admin));
    }
}
