using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Exclusions.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Exclusions.GetExclusion;

internal sealed class GetExclusionHandler(IAppDbContext db) : IRequestHandler<GetExclusionQuery, ExclusionView>
{
    public async Task<ExclusionView> Handle(GetExclusionQuery request, CancellationToken cancellationToken)
    {
        var exclusion = await db.DetectionExclusions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.Id && e.RemovedAt == null, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Exclusion", request.Id);
        return ExclusionView.From(exclusion);
    }
}
