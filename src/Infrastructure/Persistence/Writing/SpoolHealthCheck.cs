using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>Degraded while writes wait in the spool (the database was or is unreachable).</summary>
internal sealed class SpoolHealthCheck(DiskSpool spool) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(spool.HasPending
            ? HealthCheckResult.Degraded("Writes are spooled on local disk, waiting for the database.")
            : HealthCheckResult.Healthy());
}
