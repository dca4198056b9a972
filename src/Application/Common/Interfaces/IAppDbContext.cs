using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Clients;
using InfiniteSecurity.Domain.Exclusions;
using InfiniteSecurity.Domain.Feedback;
using InfiniteSecurity.Domain.Sessions;
using InfiniteSecurity.Domain.Siem;
using InfiniteSecurity.Domain.Statistics;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>The persistence the use cases need; EF Core's DbSet is the query API (no generic repository).</summary>
public interface IAppDbContext
{
    DbSet<Threat> Threats { get; }
    DbSet<AuditEvent> AuditEvents { get; }
    DbSet<User> Users { get; }
    DbSet<Session> Sessions { get; }
    DbSet<MachineClient> MachineClients { get; }
    DbSet<DetectionExclusion> DetectionExclusions { get; }
    DbSet<SignInThrottle> SignInThrottles { get; }
    DbSet<SecurityEvent> SecurityEvents { get; }
    DbSet<SecurityEventHorizon> SecurityEventHorizons { get; }
    DbSet<ForwarderCursor> ForwarderCursors { get; }
    DbSet<ThreatFeedback> ThreatFeedback { get; }
    DbSet<RuleFeedback> RuleFeedback { get; }
    DbSet<RuleWeightOverride> RuleWeightOverrides { get; }
    DbSet<RequestCounter> RequestCounters { get; }
    DbSet<ThreatInput> ThreatInputs { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
