using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Common.Telemetry;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application.Auth.Common;

/// <summary>
/// The one way every sign-in step counts failures (password, second factor, unknown name), in the database for every
/// name alike: per (name, source address) for the hard lockout — five failures lock that address out of that name
/// (423) — and per name from all addresses for a ceiling that only makes addresses that failed wait (429), so an
/// attacker can lock himself out but not the owner signing in from elsewhere (ASVS 5.0 6.1.1).
/// </summary>
internal sealed class LoginFailures(IAppDbContext db, ICallerContext caller, IOptions<AuthOptions> options, TimeProvider time)
{
    private const int MaxConcurrentRetries = 10;

    private string Source => caller.IpAddress is { Length: > 0 } ip ? ip[..Math.Min(ip.Length, SignInThrottle.MaxSourceLength)] : "unknown";

    /// <summary>
    /// Refuses a sign-in from an address locked out of this name (423), or — when <paramref name="applyNameCeiling"/>
    /// — from an address that already failed for a name over its ceiling (429). Counted as neither failure nor success.
    /// </summary>
    public async Task ThrowIfRefusedAsync(string normalizedUserName, string userName, bool applyNameCeiling, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var source = await db.SignInThrottles.AsNoTracking().SingleOrDefaultAsync(t => t.NormalizedUserName == normalizedUserName && t.Source == Source, cancellationToken).ConfigureAwait(false);
        if (source is not null && source.IsBlocked(now))
        {
            db.Audit(caller, time, AuditEventType.LoginBlockedLocked, AuditOutcome.Failure, userName, $"locked_until={source.BlockedUntil:O}");
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            throw new AccountLockedException(source.BlockedUntil!.Value - now);
        }

        if (!applyNameCeiling || source is not { FailureCount: > 0 })
        {
            return;
        }

        var name = await db.SignInThrottles.AsNoTracking().SingleOrDefaultAsync(t => t.NormalizedUserName == normalizedUserName && t.Source == SignInThrottle.AnySource, cancellationToken).ConfigureAwait(false);
        if (name is not null && name.IsBlocked(now))
        {
            db.Audit(caller, time, AuditEventType.LoginBlockedThrottled, AuditOutcome.Failure, userName, $"wait_until={name.BlockedUntil:O}");
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            throw new SignInThrottledException(name.BlockedUntil!.Value - now);
        }
    }

    /// <summary>Counts a failed step, audits it, and returns the answer: 401, or 423 once this address is locked out.</summary>
    public async Task<Exception> FailAsync(string normalizedUserName, string userName, string eventType, string reason, CancellationToken cancellationToken)
    {
        var policy = options.Value.Lockout;
        var (source, locked) = await CountAsync(normalizedUserName, Source, row => row.RegisterSourceFailure(policy, time)).ConfigureAwait(false);
        var (name, ceilingReached) = await CountAsync(normalizedUserName, SignInThrottle.AnySource, row => row.RegisterNameFailure(policy, options.Value.LockoutNameCeiling, time)).ConfigureAwait(false);

        ServiceTelemetry.LoginFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (locked)
        {
            ServiceTelemetry.Lockouts.Add(1);
        }

        db.Audit(caller, time, eventType, AuditOutcome.Failure, userName, $"reason={reason} failures={source.FailureCount}{(locked ? " locked=true" : string.Empty)}");
        if (ceilingReached)
        {
            db.Audit(caller, time, AuditEventType.LoginNameCeilingReached, AuditOutcome.Failure, userName, $"failures={name.FailureCount} ceiling={options.Value.LockoutNameCeiling}");
        }

        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        return source.IsBlocked(now) ? new AccountLockedException(source.BlockedUntil!.Value - now) : new InvalidCredentialsException();
    }

    /// <summary>A successful sign-in forgets this address's failures; the name's count from all addresses stays.</summary>
    public Task ForgetSourceAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        db.SignInThrottles.Where(t => t.NormalizedUserName == normalizedUserName && t.Source == Source).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// The count is a concurrency token and the key is unique: a guess that loses a race (a parallel update, or a
    /// parallel first insert) reloads the row and counts again, so five guesses lock however they interleave.
    /// </summary>
    private async Task<(SignInThrottle Row, bool Crossed)> CountAsync(string normalizedUserName, string source, Func<SignInThrottle, bool> register)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.SignInThrottles.FindAsync([normalizedUserName, source], CancellationToken.None).ConfigureAwait(false);
            if (row is null)
            {
                row = SignInThrottle.For(normalizedUserName, source);
                db.SignInThrottles.Add(row);
            }

            var crossed = register(row);
            try
            {
                await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                return (row, crossed);
            }
            catch (WriteConflictException) when (attempt < MaxConcurrentRetries)
            {
                db.SignInThrottles.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
