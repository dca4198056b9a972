using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Feedback.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Feedback.ListFeedback;

internal sealed class ListFeedbackHandler(IAppDbContext db) : IRequestHandler<ListFeedbackQuery, IReadOnlyList<ThreatFeedbackView>>
{
    public async Task<IReadOnlyList<ThreatFeedbackView>> Handle(ListFeedbackQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Threats.AnyAsync(t => t.Id == request.ThreatId, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("Threat", request.ThreatId);
        }

        var rows = await db.ThreatFeedback.AsNoTracking().Where(f => f.ThreatId == request.ThreatId).OrderBy(f => f.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ThreatFeedbackView.From).ToArray();
    }
}
