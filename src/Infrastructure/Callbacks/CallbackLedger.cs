using System.Collections.Concurrent;

namespace InfiniteSecurity.Infrastructure.Callbacks;

/// <summary>How a delivery ended.</summary>
public enum CallbackOutcome
{
    Delivered,
    Refused,
    Failed,
}

/// <summary>The outcome of recent deliveries by analysis id (bounded; oldest forgotten first), for operators and tests.</summary>
public sealed class CallbackLedger
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<Guid, CallbackOutcome> _outcomes = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public void Record(Guid id, CallbackOutcome outcome)
    {
        _outcomes[id] = outcome;
        _order.Enqueue(id);
        while (_order.Count > Capacity && _order.TryDequeue(out var old))
        {
            _outcomes.TryRemove(old, out _);
        }
    }

    public CallbackOutcome? OutcomeOf(Guid id) => _outcomes.TryGetValue(id, out var outcome) ? outcome : null;
}
