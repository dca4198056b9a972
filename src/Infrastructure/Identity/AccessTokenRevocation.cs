using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>
/// Is the session (or client) behind an access token still alive? Answers are cached for a few seconds so a busy
/// API does not query per request; revocations on this instance evict at once, other instances see them within the
/// cache time (<c>Auth:RevocationCacheSeconds</c>, default 10).
/// While the database cannot answer, the last answer this instance got stands, for at most an access token's
/// lifetime: analysis must keep working through a database outage (docs/operations.md), and a token this instance
/// never saw alive is refused (fail closed). Revocations made on this instance during the outage still apply at once.
/// </summary>
internal sealed class AccessTokenRevocation(
    IServiceScopeFactory scopes,
    IMemoryCache cache,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<AccessTokenRevocation> logger)
    : IAccessTokenRevocation
{
    private readonly TimeSpan _cacheFor = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Auth:RevocationCacheSeconds", 10), 0, 300));
    private readonly TimeSpan _lastKnownFor = TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Auth:AccessTokenMinutes", 30), 1, 1440));

    public Task<bool> IsSessionActiveAsync(Guid sessionId, CancellationToken cancellationToken) =>
        CheckAsync(SessionKey(sessionId), async db =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var active = await db.Sessions.AsNoTracking()
                .Where(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now)
                .Join(db.Users.Where(u => !u.IsDisabled), s => s.UserId, u => u.Id, (s, _) => s.Id)
                .AnyAsync(cancellationToken).ConfigureAwait(false);
            if (active)
            {
                // "Last used" of the session list, written at most once per cache period rather than per request.
                await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
            }

            return active;
        });

    public Task<bool> IsClientActiveAsync(string clientId, CancellationToken cancellationToken) =>
        CheckAsync(ClientKey(clientId), db => db.MachineClients.AsNoTracking().AnyAsync(c => c.ClientId == clientId && c.RevokedAt == null, cancellationToken));

    public void Forget(Guid sessionId) => Revoked(SessionKey(sessionId));

    public void ForgetClient(string clientId) => Revoked(ClientKey(clientId));

    private async Task<bool> CheckAsync(string key, Func<AppDbContext, Task<bool>> query)
    {
        if (cache.TryGetValue(key, out bool active))
        {
            return active;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            active = await query(scope.ServiceProvider.GetRequiredService<AppDbContext>()).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var known = cache.TryGetValue(LastKnownKey(key), out bool lastKnown) && lastKnown;
            logger.LogWarning("Token store unreachable ({Reason}); using this instance's last known state: {Active}", ex.GetBaseException().Message, known);
            return known;
        }

        if (_cacheFor > TimeSpan.Zero)
        {
            cache.Set(key, active, _cacheFor);
        }

        cache.Set(LastKnownKey(key), active, _lastKnownFor);
        return active;
    }

    private void Revoked(string key)
    {
        cache.Remove(key);
        cache.Set(LastKnownKey(key), false, _lastKnownFor);
    }

    private static string LastKnownKey(string key) => "last-known:" + key;

    private static string SessionKey(Guid id) => $"token-session:{id}";

    private static string ClientKey(string clientId) => $"token-client:{clientId}";
}
