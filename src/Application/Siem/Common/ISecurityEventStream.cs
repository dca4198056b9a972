using InfiniteSecurity.Domain.Siem;

namespace InfiniteSecurity.Application.Siem.Common;

/// <summary>
/// Reads the security event stream in (transaction, position) order, handing out only rows that no transaction
/// still running can precede, so a consumer that moves its cursor to the last row it got never skips an event.
/// </summary>
public interface ISecurityEventStream
{
    /// <summary>
    /// Up to <paramref name="limit"/> events after the cursor; <paramref name="types"/> (upper case) keeps only those
    /// types, empty keeps all; <paramref name="window"/> keeps events that happened in [since, until).
    /// </summary>
    Task<IReadOnlyList<SecurityEvent>> ReadAfterAsync(StreamCursor after, int limit, IReadOnlyCollection<string> types, CancellationToken cancellationToken, (DateTime? Since, DateTime? Until) window = default);

    /// <summary>The last position retention deleted; a cursor before it has lost events.</summary>
    Task<StreamCursor?> HorizonAsync(CancellationToken cancellationToken);

    /// <summary>How many events follow the cursor (for forwarder lag).</summary>
    Task<long> CountAfterAsync(StreamCursor after, CancellationToken cancellationToken);
}
