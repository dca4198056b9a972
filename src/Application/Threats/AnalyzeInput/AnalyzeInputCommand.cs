using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Threats;
using MediatR;

namespace InfiniteSecurity.Application.Threats.AnalyzeInput;

/// <summary>Analyse one piece of user input: detect, decide, and record it when it is a threat.</summary>
public sealed record AnalyzeInputCommand(string? Input) : IRequest<AnalyzeInputResult>, ISensitiveRequest
{
    public InputFingerprint Fingerprint => InputFingerprint.Of(Input ?? string.Empty);
}
