using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Exclusions.Common;
using MediatR;

namespace InfiniteSecurity.Application.Exclusions.GetExclusion;

/// <summary>One exclusion in force.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record GetExclusionQuery(Guid Id) : IRequest<ExclusionView>;
