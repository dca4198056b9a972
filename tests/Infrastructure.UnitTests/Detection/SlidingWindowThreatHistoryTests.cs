using InfiniteSecurity.Infrastructure.Detection;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.UnitTests.Detection;

public sealed class SlidingWindowThreatHistoryTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualTime _time = new();

    private SlidingWindowThreatHistory History(int minutes = 10, int capacity = 1000) =>
        new(Options.Create(new BehaviourOptions { WindowMinutes = minutes, MaxTrackedSources = capacity }), _time);

    [Test]
    public void Counts_recent_threats_per_user_and_per_ip_separately()
    {
        var history = History();
        history.Record("alice", "10.0.0.1");
        history.Record("alice", "10.0.0.2");
        history.Record(null, "10.0.0.1");

        Assert.That(history.SignalFor("alice", "10.0.0.1"), Is.EqualTo(new InfiniteSecurity.Detection.BehaviourSignal(2, 2)));
        Assert.That(history.SignalFor("bob", "10.0.0.2"), Is.EqualTo(new InfiniteSecurity.Detection.BehaviourSignal(0, 1)));
        Assert.That(history.SignalFor(null, null), Is.EqualTo(InfiniteSecurity.Detection.BehaviourSignal.None));
    }

    [Test]
    public void Threats_leave_the_window_after_its_length()
    {
        var history = History(minutes: 10);
        history.Record(null, "10.0.0.1");
        _time.Now += TimeSpan.FromMinutes(5);
        history.Record(null, "10.0.0.1");

        Assert.That(history.SignalFor(null, "10.0.0.1").RecentThreatsFromIp, Is.EqualTo(2));
        _time.Now += TimeSpan.FromMinutes(6);
        Assert.That(history.SignalFor(null, "10.0.0.1").RecentThreatsFromIp, Is.EqualTo(1));
        _time.Now += TimeSpan.FromMinutes(5);
        Assert.That(history.SignalFor(null, "10.0.0.1").RecentThreatsFromIp, Is.Zero);
    }

    [Test]
    public void Memory_is_bounded_when_many_sources_attack_and_known_sources_keep_their_history()
    {
        var history = History(capacity: 100);
        history.Record(null, "known");
        for (var i = 0; i < 10_000; i++)
        {
            history.Record(null, $"10.{i / 65536}.{i / 256 % 256}.{i % 256}");
        }

        history.Record(null, "known");

        Assert.That(history.TrackedSources, Is.LessThanOrEqualTo(100));
        Assert.That(history.SignalFor(null, "known").RecentThreatsFromIp, Is.EqualTo(2));
    }

    [Test]
    public void Expired_sources_are_swept_to_make_room()
    {
        var history = History(minutes: 1, capacity: 10);
        for (var i = 0; i < 10; i++)
        {
            history.Record(null, $"old{i}");
        }

        _time.Now += TimeSpan.FromMinutes(2);
        history.Record(null, "new");

        Assert.That(history.SignalFor(null, "new").RecentThreatsFromIp, Is.EqualTo(1));
        Assert.That(history.TrackedSources, Is.EqualTo(1));
    }
}
