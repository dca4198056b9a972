using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.AspNetCore;

/// <summary>
/// The middleware's verdict on the current request, in <c>HttpContext.Features</c> for the app:
/// <c>context.Features.Get&lt;IThreatDetectionFeature&gt;()</c>.
/// </summary>
public interface IThreatDetectionFeature
{
    ThreatDetectionMode Mode { get; }

    /// <summary>False for an excluded path (see <see cref="NotInspectedReason"/>).</summary>
    bool Inspected { get; }

    string? NotInspectedReason { get; }

    /// <summary>The inspector's verdict; null when the request was not inspected.</summary>
    RequestVerdict? Verdict { get; }

    /// <summary>The decision policy's answer to <see cref="Verdict"/>; null when the request was not inspected.</summary>
    Decision? Decision { get; }

    /// <summary>The engine judged the request an attack (the verdict's analysis is a threat).</summary>
    bool IsThreat { get; }

    /// <summary>The decision is a block (in Monitor mode: the request would have been blocked).</summary>
    bool ShouldBlock { get; }

    /// <summary>What could not be inspected fully: the inspector's problems and the middleware's own (body over the limit).</summary>
    IReadOnlyList<string> Problems { get; }
}
