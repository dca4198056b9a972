using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfiniteSecurity.Infrastructure.Siem.Forwarding;

/// <summary>
/// Degraded while a forwarder keeps failing: events queue up (safely, in the stream) but the SIEM does not get them.
/// The data leaves out error messages: readiness is answered without a token.
/// </summary>
internal sealed class ForwarderHealthCheck(ForwarderStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = status.Snapshot();
        var data = states.ToDictionary(
            s => s.Name,
            s => (object)new Dictionary<string, object?>
            {
                ["delivered"] = s.Delivered,
                ["lag"] = s.Lag,
                ["last_delivery_at"] = s.LastDeliveryAt,
                ["consecutive_failures"] = s.ConsecutiveFailures,
            });
        var failing = states.Where(s => s.ConsecutiveFailures >= 3).Select(s => s.Name).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"SIEM forwarder(s) failing: {string.Join(", ", failing)}.", data: data));
    }
}
