using System.Security.Cryptography;
using InfiniteSecurity.Application.Clients.Common;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Clients;
using MediatR;

namespace InfiniteSecurity.Application.Clients.CreateClient;

internal sealed class CreateClientHandler(IAppDbContext db, IClientQuotas quotas, ICallerContext caller, TimeProvider time) : IRequestHandler<CreateClientCommand, ClientWithSecret>
{
    public async Task<ClientWithSecret> Handle(CreateClientCommand request, CancellationToken cancellationToken)
    {
        var secret = Secrets.NewToken();
        var clientId = $"cl_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
        var client = MachineClient.Register(clientId, request.Name!, request.Scopes!, Secrets.Hash(secret), time, request.RequestsPerSecond);
        db.MachineClients.Add(client);
        db.Audit(caller, time, AuditEventType.ClientCreated, AuditOutcome.Success, null, $"client={client.ClientId} name={client.Name} scopes={client.Scopes} requests_per_second={client.RequestsPerSecond?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (client.RequestsPerSecond is not null)
        {
            await quotas.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        return new ClientWithSecret(ClientSummary.From(client), secret);
    }
}
