namespace InfiniteSecurity.Detection.Requests;

/// <summary>The located values of one request and what could not be extracted.</summary>
/// <param name="Path">The request path, percent-decoded once (used to match exclusions).</param>
/// <param name="Values">Values in request order: path, query, headers, cookies, body.</param>
/// <param name="Problems">Limits reached, malformed or skipped bodies.</param>
public sealed record ExtractedRequest(string Path, IReadOnlyList<RequestValue> Values, IReadOnlyList<string> Problems);
