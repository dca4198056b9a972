namespace InfiniteSecurity.Detection;

/// <summary>
/// What the outside world knows about the sender's recent history. The engine is pure, so this state is
/// gathered elsewhere (per user and per IP, within a window) and passed in.
/// </summary>
public readonly record struct BehaviourSignal(int RecentThreatsFromUser, int RecentThreatsFromIp)
{
    public static BehaviourSignal None => default;
}
