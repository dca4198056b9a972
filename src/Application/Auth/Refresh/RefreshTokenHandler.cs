using InfiniteSecurity.Application.Auth.Common;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Auth.Refresh;

internal sealed class RefreshTokenHandler(
    IAppDbContext db,
    SessionIssuer sessions,
    IAccessTokenRevocation revocation,
    ICallerContext caller,
    TimeProvider time)
    : IRequestHandler<RefreshTokenCommand, AuthTokens>
{
    public async Task<AuthTokens> Handle(RefreshTokenCommand request, CancellationToken cancellationToken)
    {
        var hash = Secrets.Hash(request.RefreshToken!);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.RefreshTokenHash == hash, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidCredentialsException();

        if (session.ReplacedBySessionId is not null)
        {
            // A rotated token came back: either the client or a thief holds a copy. End the whole family.
            var family = await db.Sessions.Where(s => s.FamilyId == session.FamilyId && s.RevokedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var member in family)
            {
                member.Revoke("token_reuse", time);
            }

            db.Audit(caller, time, AuditEventType.TokenReuseDetected, AuditOutcome.Failure, session.UserId.ToString(),
                $"user={session.UserId} family={session.FamilyId} session={session.Id} revoked={family.Count}");
            try
            {
                await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (WriteConflictException ex) when (ex.StaleRow)
            {
                // Parallel refreshes with one token: another request rotated or revoked a member meanwhile. The
                // family is ended either way (by this request's retry below); this caller gets the same 401.
                await RevokeFamilyAgainAsync(session.FamilyId).ConfigureAwait(false);
            }

            family.ForEach(member => revocation.Forget(member.Id));
            throw new InvalidCredentialsException();
        }

        var user = await db.Users.FindAsync([session.UserId], cancellationToken).ConfigureAwait(false);
        if (!session.IsActive(time.GetUtcNow().UtcDateTime) || user is null || user.IsDisabled)
        {
            throw new InvalidCredentialsException();
        }

        var issued = sessions.Rotate(user, session);
        db.Audit(caller, time, AuditEventType.TokenRefresh, AuditOutcome.Success, user.UserName, $"user={user.Id} session={session.Id} next={issued.SessionId}");
        try
        {
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (WriteConflictException ex) when (ex.StaleRow)
        {
            // A concurrent refresh rotated this session first (revoked_at is a concurrency token).
            throw new InvalidCredentialsException();
        }

        revocation.Forget(session.Id);
        return issued;
    }

    /// <summary>Ends every still-active member of a family, retrying while parallel requests keep changing it.</summary>
    private async Task RevokeFamilyAgainAsync(Guid familyId)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            foreach (var entry in db.Sessions.Local.ToList())
            {
                db.Sessions.Entry(entry).State = EntityState.Detached;
            }

            var family = await db.Sessions.Where(s => s.FamilyId == familyId && s.RevokedAt == null).ToListAsync(CancellationToken.None).ConfigureAwait(false);
            family.ForEach(member => member.Revoke("token_reuse", time));
            try
            {
                await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                family.ForEach(member => revocation.Forget(member.Id));
                return;
            }
            catch (WriteConflictException ex) when (ex.StaleRow)
            {
                // Changed again meanwhile: read the family once more.
            }
        }
    }
}
