using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Telemetry;
using InfiniteSecurity.Application.Threats;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Application.Inspection.Common;

/// <summary>
/// What inspect and gate share: inspect the request with the exclusions in force, decide as analyze does, and record
/// a detected request as a threat (evidence spans and locations; the request itself only encrypted, and only when
/// the deployment keeps inputs) with its audit event.
/// </summary>
internal sealed class RequestScreening(
    RequestInspector inspector,
    IDetectionExclusions exclusions,
    DecisionPolicy policy,
    ISecurityEventWriter writer,
    IThreatHistory history,
    ICallerContext caller,
    IRequestCounter counter,
    IThreatInputProtector inputs,
    TimeProvider time)
{
    public async Task<ScreeningResult> ScreenAsync(HttpRequestData request, InputFingerprint fingerprint, string? sourceIp, ReceivedRequest received)
    {
        var requestId = Guid.CreateVersion7(time.GetUtcNow());
        using var activity = ServiceTelemetry.ActivitySource.StartActivity("inspect");
        var verdict = inspector.Inspect(request, exclusions.Current);
        var decision = policy.Decide(verdict.Analysis, caller.IsAdmin);
        ServiceTelemetry.RecordAnalysis("request", verdict.Analysis, decision);
        activity?.SetTag("infinitesecurity.threat", verdict.Analysis.IsThreat);
        activity?.SetTag("infinitesecurity.family", verdict.Analysis.Category);
        activity?.SetTag("infinitesecurity.action", decision.Action.ToString());
        var ip = sourceIp ?? caller.IpAddress;

        Guid? threatId = null;
        if (verdict.Analysis.IsThreat)
        {
            history.Record(caller.UserId, ip);
            var threat = Threat.Record(requestId, verdict.Analysis, decision, fingerprint, LocatedEvidenceFormatter.Format(verdict.Findings),
                ip, caller.UserId, time, verdict.Findings.Select(f => f.Location).ToArray());
            inputs.KeepInputIfConfigured(threat, received.Bytes.Span, received.ContentType);
            var audit = AuditEvent.Record(AuditEventType.ThreatDetected, AuditOutcome.Success, caller.UserId ?? "anonymous",
                caller.IpAddress, caller.UserAgent,
                $"threat={threat.Id} type={threat.Category} confidence={threat.Confidence:0.###} action={decision.Action} request={fingerprint}",
                time);

            // As in analyze: recorded even if the caller hangs up, and answered only once durable.
            // A repeat of an attack already stored in this window is answered with that row's id.
            threatId = await writer.WriteAsync(threat, audit, CancellationToken.None).ConfigureAwait(false);
        }

        counter.Count(verdict.Analysis.IsThreat, verdict.Analysis.IsThreat && decision.Blocked);
        return new ScreeningResult(requestId, verdict, decision, threatId, time.GetUtcNow().UtcDateTime);
    }
}
