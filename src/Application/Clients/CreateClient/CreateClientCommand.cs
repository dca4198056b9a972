using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Clients.Common;
using MediatR;

namespace InfiniteSecurity.Application.Clients.CreateClient;

/// <summary>An admin registers a machine client with scopes (analyze, siem:read) and, optionally, its own quota.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record CreateClientCommand(string? Name, IReadOnlyList<string>? Scopes, int? RequestsPerSecond = null) : IRequest<ClientWithSecret>;
