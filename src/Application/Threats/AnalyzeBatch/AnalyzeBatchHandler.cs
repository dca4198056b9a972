using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Application.Threats.AnalyzeInput;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Threats;
using MediatR;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application.Threats.AnalyzeBatch;

internal sealed class AnalyzeBatchHandler(
    IThreatAnalyzer analyzer,
    DecisionPolicy policy,
    ISecurityEventWriter writer,
    IThreatHistory history,
    ICallerContext caller,
    IOptions<DetectionOptions> options,
    IThreatInputProtector inputs,
    TimeProvider time)
    : IRequestHandler<AnalyzeBatchCommand, AnalyzeBatchResult>
{
    public async Task<AnalyzeBatchResult> Handle(AnalyzeBatchCommand request, CancellationToken cancellationToken)
    {
        var items = request.Items!;
        var max = options.Value.MaxInputLength;
        var results = new BatchItemResult[items.Count];
        var threats = new List<(Threat, AuditEvent)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (string.IsNullOrEmpty(item.Input) || item.Input.Length > max)
            {
                // The same rule as a single analysis, answered for this item only: never truncated, never a 400 for the rest.
                results[i] = new BatchItemResult(item.Id, null, string.IsNullOrEmpty(item.Input)
                    ? "'input' is required and must not be empty."
                    : $"'input' must be at most {max} characters (Detection:MaxInputLength); it has {item.Input.Length}.");
                continue;
            }

            results[i] = new BatchItemResult(item.Id, Analyze(item.Input, threats), null);
        }

        // Every threat of the batch in one durable write, committed together, even if the caller hangs up.
        if (threats.Count > 0)
        {
            // Repeats folded into an earlier row are answered with that row's id.
            var stored = await writer.WriteManyAsync(threats, CancellationToken.None).ConfigureAwait(false);
            var storedAs = threats.Select(t => t.Item1.Id).Zip(stored).ToDictionary(p => p.First, p => p.Second);
            for (var i = 0; i < results.Length; i++)
            {
                if (results[i].Result is { ThreatId: { } own } result)
                {
                    results[i] = results[i] with { Result = result with { ThreatId = storedAs[own] } };
                }
            }
        }

        return new AnalyzeBatchResult(results);
    }

    private AnalyzeInputResult Analyze(string input, List<(Threat, AuditEvent)> threats)
    {
        var requestId = Guid.CreateVersion7(time.GetUtcNow());
        var analysis = analyzer.Analyze(input, history.SignalFor(caller.UserId, caller.IpAddress));
        var decision = policy.Decide(analysis, caller.IsAdmin);
        Guid? threatId = null;
        if (analysis.IsThreat)
        {
            history.Record(caller.UserId, caller.IpAddress);
            var fingerprint = InputFingerprint.Of(input);
            var threat = Threat.Record(requestId, analysis, decision, fingerprint, EvidenceFormatter.Format(analysis.Findings), caller.IpAddress, caller.UserId, time);
            inputs.KeepInputIfConfigured(threat, input);
            var audit = AuditEvent.Record(AuditEventType.ThreatDetected, AuditOutcome.Success, caller.UserId ?? "anonymous", caller.IpAddress, caller.UserAgent,
                $"threat={threat.Id} type={threat.Category} confidence={threat.Confidence:0.###} action={decision.Action} input={fingerprint} batch=true",
                time);
            threats.Add((threat, audit));
            threatId = threat.Id;
        }

        return new AnalyzeInputResult(requestId, analysis, decision, time.GetUtcNow().UtcDateTime, threatId);
    }
}
