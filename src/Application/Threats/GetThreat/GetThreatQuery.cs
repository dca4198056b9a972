using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Threats.GetThreat;

/// <summary>One threat. Users and machine clients see only their own; analysts and admins see all.</summary>
[Authorize]
public sealed record GetThreatQuery(Guid Id) : IRequest<ThreatDetail>;
