namespace InfiniteSecurity.Detection.Requests;

/// <summary>What the context policy does with a finding of one family at one class of location.</summary>
public enum Treatment
{
    /// <summary>The finding counts.</summary>
    Count,

    /// <summary>The finding counts only when its line break came from an encoding (<c>%0d%0a</c>, <c>\r\n</c>
    /// escapes decoded by the engine), not from a real line break in the value.</summary>
    CountIfEncoded,

    /// <summary>The finding counts unless the URL in the value points to the request's own site (same host or the
    /// same registrable domain): a redirect back into the site is not an open redirect.</summary>
    CountUnlessSameSite,

    /// <summary>The finding counts when its evidence is the value itself from its start (the URL is the remote
    /// target), not a URL inside one of its parameters (those are judged as values of their own).</summary>
    CountIfWholeValue,

    /// <summary>For a URL value: the finding counts when a line break sits before the query (in the host or path, which a
    /// redirect writes into Location as they are), not inside one of its parameters (judged on their own).</summary>
    CountIfBreakBeforeQuery,

    /// <summary>The finding does not count here.</summary>
    Ignore,
}
