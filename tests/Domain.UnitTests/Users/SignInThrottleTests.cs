using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Domain.UnitTests.Common;
using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Domain.UnitTests.Users;

public sealed class SignInThrottleTests
{
    private readonly ManualTime _time = new();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Test]
    public void Five_failures_from_one_source_lock_that_source_for_the_lockout_duration()
    {
        var row = SignInThrottle.For("BOB", "203.0.113.1");

        var locked = Enumerable.Range(1, 5).Select(_ => row.RegisterSourceFailure(LockoutPolicy.Default, _time)).ToArray();

        Assert.That(locked, Is.EqualTo(new[] { false, false, false, false, true }));
        Assert.That(row.IsBlocked(Now), Is.True);
        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.That(row.IsBlocked(Now), Is.False);
        Assert.That(row.RegisterSourceFailure(LockoutPolicy.Default, _time), Is.False);
        Assert.That(row.FailureCount, Is.EqualTo(1));
    }

    [Test]
    public void The_name_ceiling_makes_failed_sources_wait_longer_with_every_failure_but_never_more_than_the_lockout()
    {
        var row = SignInThrottle.For("BOB", SignInThrottle.AnySource);
        var reached = Enumerable.Range(1, 20).Select(_ => row.RegisterNameFailure(LockoutPolicy.Default, 20, _time)).ToArray();

        Assert.That(reached.Count(r => r), Is.EqualTo(1));
        Assert.That(reached[^1], Is.True);
        var first = row.BlockedUntil!.Value - Now;
        row.RegisterNameFailure(LockoutPolicy.Default, 20, _time);
        var second = row.BlockedUntil!.Value - Now;
        for (var i = 0; i < 40; i++)
        {
            row.RegisterNameFailure(LockoutPolicy.Default, 20, _time);
        }

        Assert.That(second, Is.GreaterThan(first));
        Assert.That(row.BlockedUntil!.Value - Now, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public void Quiet_failures_are_forgotten_after_the_lockout_duration()
    {
        var row = SignInThrottle.For("BOB", "203.0.113.1");
        row.RegisterSourceFailure(LockoutPolicy.Default, _time);
        row.RegisterSourceFailure(LockoutPolicy.Default, _time);

        _time.Advance(TimeSpan.FromMinutes(16));
        row.RegisterSourceFailure(LockoutPolicy.Default, _time);

        Assert.That(row.FailureCount, Is.EqualTo(1));
    }

    [Test]
    public void A_source_must_be_named() =>
        Assert.Throws<DomainException>(() => SignInThrottle.For("BOB", " "));
}
