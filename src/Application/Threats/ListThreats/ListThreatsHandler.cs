using AutoMapper;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Threats.GetThreat;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Threats.ListThreats;

internal sealed class ListThreatsHandler(IAppDbContext db, ICallerContext caller, IMapper mapper) : IRequestHandler<ListThreatsQuery, IReadOnlyList<ThreatView>>
{
    public async Task<IReadOnlyList<ThreatView>> Handle(ListThreatsQuery request, CancellationToken cancellationToken)
    {
        var threats = await ThreatVisibility.VisibleTo(db.Threats.AsNoTracking(), caller)
            .OrderByDescending(t => t.DetectedAt).ThenByDescending(t => t.Id)
            .Skip(checked((request.Page - 1) * request.PageSize)).Take(request.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<List<ThreatView>>(threats);
    }
}
