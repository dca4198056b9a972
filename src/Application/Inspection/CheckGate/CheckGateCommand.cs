using System.Text;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Inspection.Common;
using InfiniteSecurity.Domain.Threats;
using MediatR;

namespace InfiniteSecurity.Application.Inspection.CheckGate;

/// <summary>
/// A gateway (nginx <c>auth_request</c>) asks whether to let a request through. The gateway sends the request line
/// and headers, never the body.
/// </summary>
/// <param name="Method">The client's method (<c>X-Original-Method</c>).</param>
/// <param name="Url">The client's request URI as sent (<c>X-Original-URI</c>).</param>
/// <param name="Headers">The client's headers, without the gateway's own.</param>
/// <param name="ClientAddress">The client's address as the gateway saw it, stored on a threat.</param>
public sealed record CheckGateCommand(string? Method, string? Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string? ClientAddress)
    : IRequest<ScreeningResult>, ISensitiveRequest
{
    private InputFingerprint? _fingerprint;

    /// <summary>Of the request line and headers as the gateway passed them, the nearest thing to "the request as received".</summary>
    public InputFingerprint Fingerprint => _fingerprint ??= InputFingerprint.Of(Received);

    private byte[]? _received;

    /// <summary>The request line and headers as the gateway passed them, as one HTTP message head.</summary>
    public byte[] Received => _received ??= Encoding.UTF8.GetBytes(
        $"{Method} {Url}\r\n{string.Concat(Headers.Select(h => $"{h.Key}: {h.Value}\r\n"))}");

    /// <summary>Never the request itself (a record would print every field): the fingerprint only.</summary>
    public override string ToString() => $"CheckGateCommand {{ {Fingerprint} }}";
}
