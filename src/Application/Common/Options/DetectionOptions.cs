namespace InfiniteSecurity.Application.Common.Options;

/// <summary>Bound from the <c>Detection</c> configuration section.</summary>
public sealed class DetectionOptions
{
    public const string SectionName = "Detection";

    /// <summary>Longest input accepted, in characters. Longer input is refused with 400, never truncated.</summary>
    public int MaxInputLength { get; set; } = 10_000;

    /// <summary>Handlers slower than this are logged as a warning by the performance behaviour.</summary>
    public int SlowRequestWarningMilliseconds { get; set; } = 500;
}
