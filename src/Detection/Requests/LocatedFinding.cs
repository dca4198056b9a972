namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// A finding with where it was found: <c>path</c>, <c>query:id</c>, <c>form:name</c>, <c>body:$.user.name</c>,
/// <c>body-key:$.user</c>, <c>body</c> (whole document), <c>header:User-Agent</c>, <c>cookie:session</c>,
/// <c>multipart:file.filename</c>.
/// </summary>
/// <param name="Location">Where the value came from (see docs/detection.md, "Request inspection").</param>
/// <param name="Finding">The engine's finding on that value.</param>
/// <param name="ExcludedBy">The exclusion id when an exclusion silenced it, or <c>context:...</c> when the context
/// policy did; null for a counted finding.</param>
public sealed record LocatedFinding(string Location, Finding Finding, string? ExcludedBy = null);
