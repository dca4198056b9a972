using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application.Auth.Common;

/// <summary>
/// The one way every failed sign-in step ends (password, second factor, unknown name): count it on the user (or the
/// stand-in for an unknown name), audit it, save, and answer 401 — or 423 once the count locks the name.
/// </summary>
internal sealed class LoginFailures(IAppDbContext db, ICallerContext caller, IOptions<AuthOptions> options, TimeProvider time)
{
    private const int MaxConcurrentRetries = 10;

    public async Task<Exception> FailAsync(User user, string userName, string eventType, string reason, CancellationToken cancellationToken)
    {
        // The failure count is a concurrency token: parallel guesses cannot overwrite each other's count. A guess that
        // loses the race reloads the user and counts again, so five guesses lock the account however they interleave.
        for (var attempt = 0; ; attempt++)
        {
            bool locked;
            lock (user)
            {
                // Stand-ins for unknown names are shared in memory between requests.
                locked = user.RegisterFailedLogin(options.Value.Lockout, time);
            }

            var audit = db.Audit(caller, time, eventType, AuditOutcome.Failure, userName, $"reason={reason} failures={user.FailedLoginCount}{(locked ? " locked=true" : string.Empty)}");
            try
            {
                await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                return user.IsLockedOut(time.GetUtcNow().UtcDateTime) ? Locked(user) : new InvalidCredentialsException();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConcurrentRetries)
            {
                db.AuditEvents.Remove(audit);
                await db.Users.Entry(user).ReloadAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Refuses a sign-in to a locked name (counted as neither failure nor success).</summary>
    public async Task ThrowIfLockedAsync(User user, string userName, CancellationToken cancellationToken)
    {
        if (!user.IsLockedOut(time.GetUtcNow().UtcDateTime))
        {
            return;
        }

        db.Audit(caller, time, AuditEventType.LoginBlockedLocked, AuditOutcome.Failure, userName, $"locked_until={user.LockoutEndsAt:O}");
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        throw Locked(user);
    }

    private AccountLockedException Locked(User user) =>
        new((user.LockoutEndsAt ?? time.GetUtcNow().UtcDateTime) - time.GetUtcNow().UtcDateTime);
}
