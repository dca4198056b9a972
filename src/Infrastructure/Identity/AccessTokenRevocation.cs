using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>
/// Is the session (or client) behind an access token still alive? Answers are cached for a few seconds so a busy
/// API does not query per request; revocations on this instance evict at once, other instances see them within the
/// cache time (<c>Auth:RevocationCacheSeconds</c>, default 10).
/// </summary>
internal sealed class AccessTokenRevocation(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider time, IConfiguration configuration)
    : IAccessTokenRevocation
{
    private readonly TimeSpan _cacheFor = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Auth:RevocationCacheSeconds", 10), 0, 300));

    public async Task<bool> IsSessionActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var key = SessionKey(sessionId);
        if (cache.TryGetValue(key, out bool active))
        {
            return active;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        active = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Users.Where(u => !u.IsDisabled), s => s.UserId, u => u.Id, (s, _) => s.Id)
            .AnyAsync(cancellationToken).ConfigureAwait(false);
        if (active)
        {
            // "Last used" of the session list, written at most once per cache period rather than per request.
            await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
        }

        Remember(key, active);
        return active;
    }

    public async Task<bool> IsClientActiveAsync(string clientId, CancellationToken cancellationToken)
    {
        var key = ClientKey(clientId);
        if (cache.TryGetValue(key, out bool active))
        {
            return active;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        active = await db.MachineClients.AsNoTracking().AnyAsync(c => c.ClientId == clientId && c.RevokedAt == null, cancellationToken).ConfigureAwait(false);
        Remember(key, active);
        return active;
    }

    public void Forget(Guid sessionId) => cache.Remove(SessionKey(sessionId));

    public void ForgetClient(string clientId) => cache.Remove(ClientKey(clientId));

    private void Remember(string key, bool active)
    {
        if (_cacheFor > TimeSpan.Zero)
        {
            cache.Set(key, active, _cacheFor);
        }
    }

    private static string SessionKey(Guid id) => $"token-session:{id}";

    private static string ClientKey(string clientId) => $"token-client:{clientId}";
}
