using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.AspNetCore;

/// <summary>The request as the inspector sees it, and what could not be captured.</summary>
/// <param name="Data">Method, raw target, headers and the body bytes that were read.</param>
/// <param name="BodyOverLimit">The body is larger than the inspection limit.</param>
/// <param name="Problems">The middleware's own problems (a body over the limit), in addition to the inspector's.</param>
internal sealed record CapturedRequest(HttpRequestData Data, bool BodyOverLimit, IReadOnlyList<string> Problems);
