using InfiniteSecurity.Application.Clients.Common;
using MediatR;

namespace InfiniteSecurity.Application.Clients.ListClients;

public sealed record ListClientsQuery : IRequest<IReadOnlyList<ClientSummary>>;
