using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Audit;

namespace InfiniteSecurity.Application.Common.Security;

/// <summary>Appends an audit event with the caller's IP and user agent; saved with the use case's own changes.</summary>
internal static class AuditTrail
{
    public static AuditEvent Audit(this IAppDbContext db, ICallerContext caller, TimeProvider time, string eventType, AuditOutcome outcome, string? actor, string? details = null)
    {
        var audit = AuditEvent.Record(eventType, outcome, actor ?? caller.UserId ?? "anonymous", caller.IpAddress, caller.UserAgent, details, time);
        db.AuditEvents.Add(audit);
        return audit;
    }
}
