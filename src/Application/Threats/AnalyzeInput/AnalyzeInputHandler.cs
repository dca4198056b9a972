using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Telemetry;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;
using InfiniteSecurity.Domain.Threats;
using MediatR;

namespace InfiniteSecurity.Application.Threats.AnalyzeInput;

internal sealed class AnalyzeInputHandler(
    IThreatAnalyzer analyzer,
    RequestInspector inspector,
    DecisionPolicy policy,
    ISecurityEventWriter writer,
    IThreatHistory history,
    ICallerContext caller,
    IRequestCounter counter,
    IThreatInputProtector inputs,
    TimeProvider time)
    : IRequestHandler<AnalyzeInputCommand, AnalyzeInputResult>
{
    public async Task<AnalyzeInputResult> Handle(AnalyzeInputCommand request, CancellationToken cancellationToken)
    {
        var input = request.Input ?? throw new ArgumentException("Input is required; the validator should have refused this request.", nameof(request));
        var requestId = Guid.CreateVersion7(time.GetUtcNow());
        AnalysisDepths.TryParse(request.Depth, out var depth);

        // The span carries the verdict, never the input.
        using var activity = ServiceTelemetry.ActivitySource.StartActivity("analyze");
        var analysis = analyzer.Analyze(input, depth, history.SignalFor(caller.UserId, caller.IpAddress));
        if (request.Context is not null)
        {
            analysis = inspector.JudgeAt(AnalysisContexts.ToValue(request.Context, input), analysis).Analysis;
        }

        var decision = policy.Decide(analysis, caller.IsAdmin);
        ServiceTelemetry.RecordAnalysis("analyze", analysis, decision);
        activity?.SetTag("infinitesecurity.threat", analysis.IsThreat);
        activity?.SetTag("infinitesecurity.family", analysis.Category);
        activity?.SetTag("infinitesecurity.action", decision.Action.ToString());

        Guid? threatId = null;
        if (analysis.IsThreat)
        {
            history.Record(caller.UserId, caller.IpAddress);
            var threat = Threat.Record(requestId, analysis, decision, request.Fingerprint, EvidenceFormatter.Format(analysis.Findings),
                caller.IpAddress, caller.UserId, time);
            inputs.KeepInputIfConfigured(threat, input);
            var audit = AuditEvent.Record(AuditEventType.ThreatDetected, AuditOutcome.Success, caller.UserId ?? "anonymous",
                caller.IpAddress, caller.UserAgent,
                $"threat={threat.Id} type={threat.Category} confidence={threat.Confidence:0.###} action={decision.Action} input={request.Fingerprint}",
                time);

            // Once detected, the threat is recorded even if the caller hangs up: the audit trail must not depend
            // on the client waiting for the answer. The answer waits for durability, so an answered threat is never lost.
            // A repeat of an attack already stored in this window is answered with that row's id.
            threatId = await writer.WriteAsync(threat, audit, CancellationToken.None).ConfigureAwait(false);
        }

        counter.Count(analysis.IsThreat, analysis.IsThreat && decision.Blocked);
        return new AnalyzeInputResult(requestId, analysis, decision, time.GetUtcNow().UtcDateTime, threatId);
    }
}
