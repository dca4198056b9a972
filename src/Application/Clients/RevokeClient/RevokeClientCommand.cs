using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Clients.Common;
using MediatR;

namespace InfiniteSecurity.Application.Clients.RevokeClient;

/// <summary>Revoke a client: no new tokens, and its existing access tokens are refused.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record RevokeClientCommand(Guid Id) : IRequest<ClientSummary>;
