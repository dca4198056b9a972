using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Sessions.EndSession;

internal sealed class EndSessionHandler(IAppDbContext db, IAccessTokenRevocation revocation, ICallerContext caller, TimeProvider time)
    : IRequestHandler<EndSessionCommand, Unit>
{
    private const int Attempts = 5;

    public async Task<Unit> Handle(EndSessionCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = await db.Sessions
            .SingleOrDefaultAsync(s => s.Id == request.SessionId && s.RevokedAt == null && s.ExpiresAt > now, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Session", request.SessionId);

        // Ending one's own current session this way is a logout, and is recorded as one.
        var own = session.Id == caller.SessionId;
        var reason = own ? "logout" : "ended_by_admin";
        session.Revoke(reason, time);
        db.Audit(caller, time, own ? AuditEventType.Logout : AuditEventType.SessionEndedByAdmin, AuditOutcome.Success, null,
            $"session={session.Id} user={session.UserId}");
        IReadOnlyList<Guid> ended = [session.Id];
        try
        {
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (WriteConflictException ex) when (ex.StaleRow)
        {
            // A refresh rotated the session meanwhile (revoked_at is a concurrency token). Its successor carries the
            // same sign-in on, so that is what ends; the audit event, still unsaved, is written with it.
            ended = await EndFamilyAsync(session.FamilyId, reason).ConfigureAwait(false);
        }

        // After the save, so a concurrent token check cannot cache "active" again.
        foreach (var id in ended)
        {
            revocation.Forget(id);
        }

        return Unit.Value;
    }

    private async Task<IReadOnlyList<Guid>> EndFamilyAsync(Guid familyId, string reason)
    {
        for (var attempt = 1; ; attempt++)
        {
            foreach (var entry in db.Sessions.Local.ToList())
            {
                db.Sessions.Entry(entry).State = EntityState.Detached;
            }

            var active = await db.Sessions.Where(s => s.FamilyId == familyId && s.RevokedAt == null).ToListAsync(CancellationToken.None).ConfigureAwait(false);
            active.ForEach(s => s.Revoke(reason, time));
            try
            {
                await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                return active.Select(s => s.Id).ToList();
            }
            catch (WriteConflictException ex) when (ex.StaleRow && attempt < Attempts)
            {
                // Another rotation won again; read the family afresh.
            }
        }
    }
}
