namespace InfiniteSecurity.Application.Inspection.InspectRequest;

/// <summary>A request described field by field (the JSON form of inspect) instead of as a raw message.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Url">Absolute URL or path plus query, as the client sent it (percent-encoded).</param>
/// <param name="Headers">Header fields in order; a name may repeat.</param>
/// <param name="Body">The body text, or base64 of its bytes.</param>
/// <param name="BodyEncoding"><c>utf8</c> (default) or <c>base64</c>.</param>
public sealed record InspectedRequestFields(
    string? Method,
    string? Url,
    IReadOnlyList<KeyValuePair<string, string>>? Headers,
    string? Body,
    string? BodyEncoding);
