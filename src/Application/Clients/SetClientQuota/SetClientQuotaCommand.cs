using InfiniteSecurity.Application.Clients.Common;
using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Clients.SetClientQuota;

/// <summary>
/// An admin gives a machine client its own API quota in requests per second, or (null) returns it to the
/// service-wide one. Every instance applies the change within seconds.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record SetClientQuotaCommand(Guid Id, int? RequestsPerSecond) : IRequest<ClientSummary>;
