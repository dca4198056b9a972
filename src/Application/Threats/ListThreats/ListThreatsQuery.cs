using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Threats.GetThreat;
using MediatR;

namespace InfiniteSecurity.Application.Threats.ListThreats;

/// <summary>Threats visible to the caller, newest first, paged.</summary>
[Authorize]
public sealed record ListThreatsQuery(int Page = 1, int PageSize = 50) : IRequest<IReadOnlyList<ThreatView>>;
