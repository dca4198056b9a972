using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Auth.RevokeSession;

internal sealed class RevokeSessionHandler(IAppDbContext db, IAccessTokenRevocation revocation, ICallerContext caller, TimeProvider time)
    : IRequestHandler<RevokeSessionCommand, Unit>
{
    public async Task<Unit> Handle(RevokeSessionCommand request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(caller.UserId, out var userId) || caller.ClientId is not null)
        {
            throw new ForbiddenAccessException("Sessions belong to signed-in users.");
        }

        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == request.SessionId && s.UserId == userId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Session", request.SessionId);
        session.Revoke("revoked_by_user", time);
        db.Audit(caller, time, AuditEventType.SessionRevoked, AuditOutcome.Success, null, $"session={session.Id}");
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        revocation.Forget(session.Id);
        return Unit.Value;
    }
}
