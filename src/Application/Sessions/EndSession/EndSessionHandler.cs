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
    public async Task<Unit> Handle(EndSessionCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = await db.Sessions
            .SingleOrDefaultAsync(s => s.Id == request.SessionId && s.RevokedAt == null && s.ExpiresAt > now, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Session", request.SessionId);

        // Ending one's own current session this way is a logout, and is recorded as one.
        var own = session.Id == caller.SessionId;
        session.Revoke(own ? "logout" : "ended_by_admin", time);
        db.Audit(caller, time, own ? AuditEventType.Logout : AuditEventType.SessionEndedByAdmin, AuditOutcome.Success, null,
            $"session={session.Id} user={session.UserId}");
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);

        // After the save, so a concurrent token check cannot cache "active" again.
        revocation.Forget(session.Id);
        return Unit.Value;
    }
}
