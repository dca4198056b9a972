using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Exclusions.RemoveExclusion;

/// <summary>An admin ends an exclusion; the findings it silenced count again.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record RemoveExclusionCommand(Guid Id) : IRequest<Unit>;
