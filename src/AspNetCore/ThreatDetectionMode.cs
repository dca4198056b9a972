namespace InfiniteSecurity.AspNetCore;

/// <summary>What the middleware does with a request whose decision is a block.</summary>
public enum ThreatDetectionMode
{
    /// <summary>Answer 403 problem+json; the endpoint does not run.</summary>
    Block,

    /// <summary>Let the request through and log the detection (the way a new WAF rule set is rolled out).</summary>
    Monitor,
}
