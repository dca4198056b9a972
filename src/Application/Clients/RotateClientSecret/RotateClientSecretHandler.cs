using InfiniteSecurity.Application.Clients.Common;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;

namespace InfiniteSecurity.Application.Clients.RotateClientSecret;

internal sealed class RotateClientSecretHandler(IAppDbContext db, ICallerContext caller, TimeProvider time) : IRequestHandler<RotateClientSecretCommand, ClientWithSecret>
{
    public async Task<ClientWithSecret> Handle(RotateClientSecretCommand request, CancellationToken cancellationToken)
    {
        var client = await db.MachineClients.FindAsync([request.Id], cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("Client", request.Id);
        var secret = Secrets.NewToken();
        client.RotateSecret(Secrets.Hash(secret), time);
        db.Audit(caller, time, AuditEventType.ClientSecretRotated, AuditOutcome.Success, null, $"client={client.ClientId}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ClientWithSecret(ClientSummary.From(client), secret);
    }
}
