namespace InfiniteSecurity.AspNetCore.Reporting;

/// <summary>One detected request waiting to be sent, in the JSON form of <c>POST /api/v2/inspect</c>.</summary>
/// <param name="Method">Request method.</param>
/// <param name="Url">The request-target as sent (path and query).</param>
/// <param name="Headers">Headers in order, credentials redacted.</param>
/// <param name="Body">The inspected body bytes (sent base64).</param>
/// <param name="Reporting">Where and as whom to send it.</param>
internal sealed record ThreatReport(
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body,
    ThreatReportingOptions Reporting);
