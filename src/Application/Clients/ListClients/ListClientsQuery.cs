using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Clients.Common;
using MediatR;

namespace InfiniteSecurity.Application.Clients.ListClients;

[Authorize(Roles = Roles.Admin)]
public sealed record ListClientsQuery : IRequest<IReadOnlyList<ClientSummary>>;
