using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Exclusions.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Exclusions.ListExclusions;

internal sealed class ListExclusionsHandler(IAppDbContext db) : IRequestHandler<ListExclusionsQuery, IReadOnlyList<ExclusionView>>
{
    public async Task<IReadOnlyList<ExclusionView>> Handle(ListExclusionsQuery request, CancellationToken cancellationToken)
    {
        var active = await db.DetectionExclusions.AsNoTracking().Where(e => e.RemovedAt == null).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return active.Select(ExclusionView.From).ToList();
    }
}
