using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Exclusions.Common;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Exclusions;
using MediatR;

namespace InfiniteSecurity.Application.Exclusions.CreateExclusion;

internal sealed class CreateExclusionHandler(IAppDbContext db, IDetectionExclusions exclusions, RuleCatalogue catalogue, ICallerContext caller, TimeProvider time)
    : IRequestHandler<CreateExclusionCommand, ExclusionView>
{
    public async Task<ExclusionView> Handle(CreateExclusionCommand request, CancellationToken cancellationToken)
    {
        var exclusion = DetectionExclusion.Create(request.PathPrefix, request.Location, request.RuleId, request.Family, request.Method, request.Host,
            request.Note, caller.UserId!, catalogue, time);
        db.DetectionExclusions.Add(exclusion);
        db.Audit(caller, time, AuditEventType.DetectionExclusionCreated, AuditOutcome.Success, null, ExclusionAudit.Describe(exclusion));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // This instance applies it at once; the others within their refresh interval.
        await exclusions.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        return ExclusionView.From(exclusion);
    }
}
