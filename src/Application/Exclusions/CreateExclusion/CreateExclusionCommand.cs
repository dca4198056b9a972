using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Exclusions.Common;
using MediatR;

namespace InfiniteSecurity.Application.Exclusions.CreateExclusion;

/// <summary>An admin silences a rule (or a family, or every rule) at one location of requests under a path prefix.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record CreateExclusionCommand(
    string? PathPrefix,
    string? Location,
    string? RuleId,
    string? Family,
    string? Method,
    string? Host,
    string? Note) : IRequest<ExclusionView>;
