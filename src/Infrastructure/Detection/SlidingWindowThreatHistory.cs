using System.Collections.Concurrent;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Detection;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Detection;

/// <summary>
/// In-process counts of recent threats per source, in per-minute buckets over a sliding window. Bounded: past
/// <see cref="BehaviourOptions.MaxTrackedSources"/> expired sources are swept and, if still full, new sources are not
/// tracked (known attackers keep their history; a flood of fresh IPs cannot exhaust memory). Per instance: several
/// instances each see their own share of the traffic.
/// </summary>
internal sealed class SlidingWindowThreatHistory(IOptions<BehaviourOptions> options, TimeProvider time) : IThreatHistory
{
    private readonly ConcurrentDictionary<string, Window> _sources = new(StringComparer.Ordinal);
    private readonly int _minutes = options.Value.WindowMinutes;
    private readonly int _capacity = options.Value.MaxTrackedSources;

    public int TrackedSources => _sources.Count;

    public BehaviourSignal SignalFor(string? userId, string? ipAddress)
    {
        var minute = CurrentMinute();
        return new BehaviourSignal(Count("u:", userId, minute), Count("ip:", ipAddress, minute));
    }

    public void Record(string? userId, string? ipAddress)
    {
        var minute = CurrentMinute();
        Add("u:", userId, minute);
        Add("ip:", ipAddress, minute);
    }

    private int Count(string prefix, string? source, long minute) =>
        source is not null && _sources.TryGetValue(prefix + source, out var window) ? window.Total(minute, _minutes) : 0;

    private void Add(string prefix, string? source, long minute)
    {
        if (source is null)
        {
            return;
        }

        var key = prefix + source;
        if (!_sources.TryGetValue(key, out var window))
        {
            if (_sources.Count >= _capacity)
            {
                Sweep(minute);
                if (_sources.Count >= _capacity)
                {
                    return;
                }
            }

            window = _sources.GetOrAdd(key, _ => new Window(_minutes));
        }

        window.Add(minute, _minutes);
    }

    private void Sweep(long minute)
    {
        foreach (var (key, window) in _sources)
        {
            if (window.Total(minute, _minutes) == 0)
            {
                _sources.TryRemove(key, out _);
            }
        }
    }

    private long CurrentMinute() => time.GetUtcNow().ToUnixTimeSeconds() / 60;

    /// <summary>A ring of per-minute counts; a bucket is reused once its minute has left the window.</summary>
    private sealed class Window(int minutes)
    {
        private readonly long[] _minuteOf = new long[minutes];
        private readonly int[] _count = new int[minutes];

        public void Add(long minute, int size)
        {
            var i = (int)(minute % size);
            lock (this)
            {
                if (_minuteOf[i] != minute)
                {
                    _minuteOf[i] = minute;
                    _count[i] = 0;
                }

                _count[i]++;
            }
        }

        public int Total(long minute, int size)
        {
            var total = 0;
            lock (this)
            {
                for (var i = 0; i < size; i++)
                {
                    if (minute - _minuteOf[i] < size)
                    {
                        total += _count[i];
                    }
                }
            }

            return total;
        }
    }
}
