using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Clients;
using InfiniteSecurity.Domain.Exclusions;
using InfiniteSecurity.Domain.Sessions;
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
    DbSet<RequestCounter> RequestCounters { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
