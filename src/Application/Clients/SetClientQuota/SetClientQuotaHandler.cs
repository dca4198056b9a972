using System.Globalization;
using InfiniteSecurity.Application.Clients.Common;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;

namespace InfiniteSecurity.Application.Clients.SetClientQuota;

internal sealed class SetClientQuotaHandler(IAppDbContext db, IClientQuotas quotas, ICallerContext caller, TimeProvider time)
    : IRequestHandler<SetClientQuotaCommand, ClientSummary>
{
    public async Task<ClientSummary> Handle(SetClientQuotaCommand request, CancellationToken cancellationToken)
    {
        var client = await db.MachineClients.FindAsync([request.Id], cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("Client", request.Id);
        var before = client.RequestsPerSecond;
        client.SetQuota(request.RequestsPerSecond);
        db.Audit(caller, time, AuditEventType.ClientQuotaChanged, AuditOutcome.Success, null,
            $"client={client.ClientId} requests_per_second={Describe(before)} -> {Describe(client.RequestsPerSecond)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await quotas.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return ClientSummary.From(client);
    }

    private static string Describe(int? quota) => quota?.ToString(CultureInfo.InvariantCulture) ?? "default";
}
