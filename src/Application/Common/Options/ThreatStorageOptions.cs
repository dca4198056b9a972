namespace InfiniteSecurity.Application.Common.Options;

/// <summary>Bound from the <c>Threats</c> configuration section.</summary>
public sealed class ThreatStorageOptions
{
    public const string SectionName = "Threats";

    /// <summary>
    /// <c>None</c> (default): a threat keeps its fingerprint, length and evidence spans only. <c>Encrypted</c>: the whole
    /// analysed input (for an inspected request, the request as received) is kept too, encrypted with Data Protection,
    /// readable by analysts and admins through <c>GET /api/v1/threats/{id}/input</c>.
    /// </summary>
    public InputStorage StoreInput { get; set; } = InputStorage.None;
}
