using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Threats;
using MediatR;

namespace InfiniteSecurity.Application.Inspection.InspectRequest;

/// <summary>
/// Inspect one whole HTTP request: parse it into located values, analyse each in context, decide once, and record it
/// when it is a threat. <paramref name="Received"/> is the body of the inspect call as received: the raw
/// <c>message/http</c> itself when <paramref name="Fields"/> is null, otherwise the JSON it was read from (kept only
/// for its fingerprint).
/// </summary>
public sealed record InspectRequestCommand(byte[] Received, InspectedRequestFields? Fields) : IRequest<Common.ScreeningResult>, ISensitiveRequest
{
    private InputFingerprint? _fingerprint;

    public InputFingerprint Fingerprint => _fingerprint ??= InputFingerprint.Of(Received);

    /// <summary>Never the request itself (a record would print every field): the fingerprint only.</summary>
    public override string ToString() => $"InspectRequestCommand {{ {Fingerprint} }}";
}
