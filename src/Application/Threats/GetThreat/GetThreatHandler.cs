using AutoMapper;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Threats.ListThreats;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Threats.GetThreat;

internal sealed class GetThreatHandler(IAppDbContext db, ICallerContext caller, IMapper mapper) : IRequestHandler<GetThreatQuery, ThreatDetail>
{
    public async Task<ThreatDetail> Handle(GetThreatQuery request, CancellationToken cancellationToken)
    {
        // Another user's threat is "not found": its existence is not the caller's business.
        var threat = await ThreatVisibility.VisibleTo(db.Threats.AsNoTracking(), caller)
            .SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Threat", request.Id);
        var stored = await db.ThreatInputs.AnyAsync(i => i.ThreatId == threat.Id, cancellationToken).ConfigureAwait(false);
        return mapper.Map<ThreatDetail>(threat) with { InputStored = stored };
    }
}
