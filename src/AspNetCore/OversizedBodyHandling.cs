namespace InfiniteSecurity.AspNetCore;

/// <summary>What happens to a body larger than <see cref="ThreatDetectionOptions.MaxBodyBytes"/>.</summary>
public enum OversizedBodyHandling
{
    /// <summary>Inspect the first <see cref="ThreatDetectionOptions.MaxBodyBytes"/> bytes and record a problem.</summary>
    InspectPrefix,

    /// <summary>Inspect everything but the body and record a problem.</summary>
    Skip,

    /// <summary>Answer 413 problem+json in Block mode (Monitor mode inspects the prefix instead: it never rejects).</summary>
    Reject,
}
