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
