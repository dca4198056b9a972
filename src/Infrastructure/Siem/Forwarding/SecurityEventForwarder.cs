using InfiniteSecurity.Application.Siem.Common;
using InfiniteSecurity.Domain.Siem;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Siem.Forwarding;

/// <summary>
/// Runs every configured forwarder as a consumer of the security event stream: read a batch after the saved cursor,
/// deliver it, and only then save the new cursor. Undelivered events therefore stay queued in the stream itself,
/// survive a restart and go out in order; a batch whose delivery was not confirmed is sent again (at least once,
/// with stable ids for de-duplication).
/// </summary>
internal sealed class SecurityEventForwarder(
    IOptions<SiemOptions> options,
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    ForwarderStatus status,
    TimeProvider time,
    ILogger<SecurityEventForwarder> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Forwarders.Select(f => RunAsync(f, stoppingToken)));

    private async Task RunAsync(ForwarderOptions forwarder, CancellationToken stoppingToken)
    {
        status.Register(forwarder.Name);
        ISecurityEventSink sink = forwarder.Kind == ForwarderKind.Syslog
            ? new SyslogSink(forwarder)
            : new HttpSink(forwarder, httpClients.CreateClient(HttpSink.ClientName));
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await DeliverOnceAsync(forwarder, sink, stoppingToken).ConfigureAwait(false);
                failures = 0;
                if (!delivered)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(forwarder.PollMilliseconds), time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                status.Failed(forwarder.Name, $"{ex.GetType().Name}: {ex.Message}", null, time.GetUtcNow());
                logger.LogWarning("SIEM forwarder {Forwarder} failed ({Failures} in a row): {Error}; the batch stays queued", forwarder.Name, failures, ex.Message);
                var backoff = TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures, 10))));
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One batch; false when there was nothing to send.</summary>
    private async Task<bool> DeliverOnceAsync(ForwarderOptions forwarder, ISecurityEventSink sink, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stream = scope.ServiceProvider.GetRequiredService<ISecurityEventStream>();
        var saved = await db.ForwarderCursors.FirstOrDefaultAsync(c => c.Name == forwarder.Name, cancellationToken).ConfigureAwait(false);
        var after = saved is null ? StreamCursor.Start : new StreamCursor(saved.Xact, saved.Position);
        var rows = await stream.ReadAfterAsync(after, forwarder.BatchSize, [], cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            status.Idle(forwarder.Name, 0);
            return false;
        }

        var batch = rows.Select(SecurityEventMapping.ToView).ToList();
        await sink.SendAsync(batch, cancellationToken).ConfigureAwait(false);

        var last = rows[^1];
        if (saved is null)
        {
            saved = ForwarderCursor.Start(forwarder.Name, time.GetUtcNow().UtcDateTime);
            db.ForwarderCursors.Add(saved);
        }

        saved.Delivered(last.Xact, last.Position, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var lag = await stream.CountAfterAsync(new StreamCursor(last.Xact, last.Position), cancellationToken).ConfigureAwait(false);
        status.Delivered(forwarder.Name, batch.Count, lag, time.GetUtcNow());
        return true;
    }
}
