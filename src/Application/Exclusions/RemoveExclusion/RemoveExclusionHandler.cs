using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Exclusions.Common;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Exclusions.RemoveExclusion;

internal sealed class RemoveExclusionHandler(IAppDbContext db, IDetectionExclusions exclusions, ICallerContext caller, TimeProvider time)
    : IRequestHandler<RemoveExclusionCommand, Unit>
{
    public async Task<Unit> Handle(RemoveExclusionCommand request, CancellationToken cancellationToken)
    {
        // A removed exclusion is gone as far as the API is concerned: removing it again is 404, like an unknown id.
        var exclusion = await db.DetectionExclusions.SingleOrDefaultAsync(e => e.Id == request.Id && e.RemovedAt == null, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Exclusion", request.Id);
        exclusion.Remove(caller.UserId!, time);
        db.Audit(caller, time, AuditEventType.DetectionExclusionRemoved, AuditOutcome.Success, null, ExclusionAudit.Describe(exclusion));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await exclusions.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        return Unit.Value;
    }
}
