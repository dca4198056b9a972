namespace InfiniteSecurity.Application.Threats.GetThreatInput;

/// <summary>
/// The whole input of a stored threat as it was received. <c>Input</c> is the text when the bytes are UTF-8
/// (<c>InputEncoding</c> <c>utf-8</c>), otherwise their base64 (<c>base64</c>, e.g. an inspected request with a
/// binary body). <c>ContentType</c>: <c>text/plain; charset=utf-8</c> for an analysed value, <c>message/http</c> or
/// <c>application/json</c> for an inspected request.
/// </summary>
public sealed record ThreatInputView(Guid ThreatId, string Input, string InputEncoding, string? ContentType, DateTime StoredAt);
