namespace InfiniteSecurity.Infrastructure.Detection;

/// <summary>Bound from <c>Detection:Behaviour</c>.</summary>
public sealed class BehaviourOptions
{
    public const string SectionName = "Detection:Behaviour";

    /// <summary>Threats older than this no longer count against their source.</summary>
    public int WindowMinutes { get; set; } = 10;

    /// <summary>Most users + IPs tracked at once; memory stays bounded however many sources attack.</summary>
    public int MaxTrackedSources { get; set; } = 100_000;
}
