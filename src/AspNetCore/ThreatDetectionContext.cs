using Microsoft.AspNetCore.Http;

namespace InfiniteSecurity.AspNetCore;

/// <summary>What <see cref="ThreatDetectionOptions.OnDetection"/> is given: the request and the middleware's verdict on it.</summary>
public sealed class ThreatDetectionContext
{
    internal ThreatDetectionContext(HttpContext httpContext, IThreatDetectionFeature detection, bool willBlock)
    {
        HttpContext = httpContext;
        Detection = detection;
        WillBlock = willBlock;
    }

    public HttpContext HttpContext { get; }

    public IThreatDetectionFeature Detection { get; }

    /// <summary>True when the middleware answers 403 after the callback (Block mode and a block decision).</summary>
    public bool WillBlock { get; }
}
