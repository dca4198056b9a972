using InfiniteSecurity.Application.Clients.Common;
using InfiniteSecurity.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Clients.ListClients;

internal sealed class ListClientsHandler(IAppDbContext db) : IRequestHandler<ListClientsQuery, IReadOnlyList<ClientSummary>>
{
    public async Task<IReadOnlyList<ClientSummary>> Handle(ListClientsQuery request, CancellationToken cancellationToken)
    {
        var clients = await db.MachineClients.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return clients.Select(ClientSummary.From).ToList();
    }
}
