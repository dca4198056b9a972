using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Threats;
using MediatR;

namespace InfiniteSecurity.Application.Threats.AnalyzeBatch;

/// <summary>One input of a batch, named by the caller's id.</summary>
public sealed record BatchItem(string? Id, string? Input);

/// <summary>Analyse up to <see cref="MaxItems"/> inputs in one call; every threat among them is stored in one durable write.</summary>
public sealed record AnalyzeBatchCommand(IReadOnlyList<BatchItem>? Items) : IRequest<AnalyzeBatchResult>, ISensitiveRequest
{
    public const int MaxItems = 1000;
    public const int MaxIdLength = 128;

    /// <summary>The whole batch's fingerprint: the inputs joined, so the log line says which batch without showing any of it.</summary>
    public InputFingerprint Fingerprint => InputFingerprint.Of(string.Join('\n', Items?.Select(i => i.Input) ?? []));
}
