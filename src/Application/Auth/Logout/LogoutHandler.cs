using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Auth.Logout;

internal sealed class LogoutHandler(IAppDbContext db, IAccessTokenRevocation revocation, ICallerContext caller, TimeProvider time)
    : IRequestHandler<LogoutCommand, Unit>
{
    public async Task<Unit> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        if (caller.SessionId is not { } sessionId || !Guid.TryParse(caller.UserId, out var userId))
        {
            throw new ForbiddenAccessException("Only a user's session can log out.");
        }

        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Session", sessionId);

        session.Revoke("logout", time);
        db.Audit(caller, time, AuditEventType.Logout, AuditOutcome.Success, null, $"session={session.Id}");
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        revocation.Forget(session.Id);
        return Unit.Value;
    }
}
