using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Threats;
using MediatR;

namespace InfiniteSecurity.Application.Threats.AnalyzeInput;

/// <summary>Analyse one piece of user input: detect, decide, and record it when it is a threat.</summary>
/// <param name="Input">The input exactly as the user supplied it.</param>
/// <param name="Depth">One of <see cref="AnalysisDepths"/> (<c>basic</c>, <c>standard</c>, <c>deep</c>); null is standard.</param>
/// <param name="Context">Where the input came from; null judges it as free text with no location.</param>
public sealed record AnalyzeInputCommand(string? Input, string? Depth = null, AnalysisContext? Context = null) : IRequest<AnalyzeInputResult>, ISensitiveRequest
{
    private InputFingerprint? _fingerprint;

    /// <summary>
    /// Computed once per request: logging, the stored threat and its audit event all use it, and hashing up to
    /// 10,000 characters three times would be work done twice on the hot path.
    /// </summary>
    public InputFingerprint Fingerprint => _fingerprint ??= InputFingerprint.Of(Input ?? string.Empty);
}
