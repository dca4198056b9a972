using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>Recent threats per user and per IP, for the engine's behavioural layer (the engine itself keeps no state).</summary>
public interface IThreatHistory
{
    BehaviourSignal SignalFor(string? userId, string? ipAddress);

    void Record(string? userId, string? ipAddress);
}
