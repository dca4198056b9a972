using InfiniteSecurity.Application.Siem.Common;

namespace InfiniteSecurity.Infrastructure.Siem.Forwarding;

/// <summary>Where a forwarder delivers. Returns only once the receiver has confirmed the whole batch; throws otherwise.</summary>
internal interface ISecurityEventSink
{
    Task SendAsync(IReadOnlyList<SecurityEventView> batch, CancellationToken cancellationToken);
}
