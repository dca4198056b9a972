using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.Sessions;
using InfiniteSecurity.Domain.UnitTests.Common;

namespace InfiniteSecurity.Domain.UnitTests.Sessions;

public sealed class SessionTests
{
    private readonly ManualTime _time = new();
    private static readonly Guid UserId = Guid.CreateVersion7();

    [Test]
    public void A_new_session_starts_its_own_family_and_is_active_until_it_expires()
    {
        var session = Session.Start(UserId, "hash-1", TimeSpan.FromDays(7), "10.0.0.1", "curl", _time);

        Assert.That(session.FamilyId, Is.EqualTo(session.Id));
        Assert.That(session.IsActive(_time.GetUtcNow().UtcDateTime), Is.True);
        _time.Advance(TimeSpan.FromDays(7));
        Assert.That(session.IsActive(_time.GetUtcNow().UtcDateTime), Is.False);
    }

    [Test]
    public void Rotation_ends_the_old_session_and_keeps_the_family()
    {
        var first = Session.Start(UserId, "hash-1", TimeSpan.FromDays(7), null, null, _time);

        var second = first.Rotate("hash-2", TimeSpan.FromDays(7), null, null, _time);

        Assert.Multiple(() =>
        {
            Assert.That(first.IsActive(_time.GetUtcNow().UtcDateTime), Is.False);
            Assert.That(first.RevocationReason, Is.EqualTo("rotated"));
            Assert.That(first.ReplacedBySessionId, Is.EqualTo(second.Id));
            Assert.That(second.FamilyId, Is.EqualTo(first.FamilyId));
            Assert.That(second.IsActive(_time.GetUtcNow().UtcDateTime), Is.True);
        });
    }

    [Test]
    public void A_rotated_session_cannot_be_rotated_again()
    {
        var first = Session.Start(UserId, "hash-1", TimeSpan.FromDays(7), null, null, _time);
        first.Rotate("hash-2", TimeSpan.FromDays(7), null, null, _time);

        Assert.Throws<DomainException>(() => first.Rotate("hash-3", TimeSpan.FromDays(7), null, null, _time));
    }

    [Test]
    public void A_session_needs_a_user_and_a_positive_lifetime()
    {
        Assert.Throws<DomainException>(() => Session.Start(Guid.Empty, "h", TimeSpan.FromDays(1), null, null, _time));
        Assert.Throws<DomainException>(() => Session.Start(UserId, "h", TimeSpan.Zero, null, null, _time));
    }
}
