using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Clients.Common;
using MediatR;

namespace InfiniteSecurity.Application.Clients.RotateClientSecret;

/// <summary>Replace a client's secret; the old secret stops working at once.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record RotateClientSecretCommand(Guid Id) : IRequest<ClientWithSecret>;
