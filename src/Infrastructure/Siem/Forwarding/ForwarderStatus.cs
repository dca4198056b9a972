using System.Collections.Concurrent;

namespace InfiniteSecurity.Infrastructure.Siem.Forwarding;

/// <summary>
/// What each push forwarder is doing, as a snapshot for health checks and metrics: events delivered, events still
/// behind (lag), the last delivery and the last failure (its type and message, never a token or payload).
/// </summary>
public sealed class ForwarderStatus
{
    private readonly ConcurrentDictionary<string, ForwarderState> _states = new(StringComparer.Ordinal);

    public IReadOnlyList<ForwarderState> Snapshot() => _states.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    internal void Register(string name) => _states.TryAdd(name, new ForwarderState(name, 0, 0, null, null, null, 0));

    internal void Delivered(string name, int count, long lag, DateTimeOffset at) =>
        _states.AddOrUpdate(name, _ => new ForwarderState(name, count, lag, at, null, null, 0),
            (_, s) => s with { Delivered = s.Delivered + count, Lag = lag, LastDeliveryAt = at, LastError = null, ConsecutiveFailures = 0 });

    internal void Idle(string name, long lag) =>
        _states.AddOrUpdate(name, _ => new ForwarderState(name, 0, lag, null, null, null, 0), (_, s) => s with { Lag = lag });

    internal void Failed(string name, string error, long? lag, DateTimeOffset at) =>
        _states.AddOrUpdate(name, _ => new ForwarderState(name, 0, lag ?? 0, null, error, at, 1),
            (_, s) => s with { LastError = error, LastErrorAt = at, Lag = lag ?? s.Lag, ConsecutiveFailures = s.ConsecutiveFailures + 1 });
}

/// <summary>One forwarder's state: <c>Delivered</c> since start, <c>Lag</c> = events after its cursor still to deliver.</summary>
public sealed record ForwarderState(
    string Name,
    long Delivered,
    long Lag,
    DateTimeOffset? LastDeliveryAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures);
