namespace InfiniteSecurity.Infrastructure.Detection;

/// <summary>Bound from <c>Detection:Exclusions</c>.</summary>
public sealed class ExclusionRefreshOptions
{
    public const string SectionName = "Detection:Exclusions";

    /// <summary>How often each instance checks whether the stored exclusions changed (one small query, not per request).</summary>
    public double RefreshSeconds { get; set; } = 2;
}
