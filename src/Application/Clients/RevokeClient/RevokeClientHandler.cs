using InfiniteSecurity.Application.Clients.Common;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;

namespace InfiniteSecurity.Application.Clients.RevokeClient;

internal sealed class RevokeClientHandler(IAppDbContext db, IAccessTokenRevocation revocation, ICallerContext caller, TimeProvider time)
    : IRequestHandler<RevokeClientCommand, ClientSummary>
{
    public async Task<ClientSummary> Handle(RevokeClientCommand request, CancellationToken cancellationToken)
    {
        var client = await db.MachineClients.FindAsync([request.Id], cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("Client", request.Id);
        client.Revoke(time);
        db.Audit(caller, time, AuditEventType.ClientRevoked, AuditOutcome.Success, null, $"client={client.ClientId}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        revocation.ForgetClient(client.ClientId);
        return ClientSummary.From(client);
    }
}
