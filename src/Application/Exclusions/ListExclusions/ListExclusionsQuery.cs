using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Exclusions.Common;
using MediatR;

namespace InfiniteSecurity.Application.Exclusions.ListExclusions;

/// <summary>The exclusions in force, oldest first.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ListExclusionsQuery : IRequest<IReadOnlyList<ExclusionView>>;
