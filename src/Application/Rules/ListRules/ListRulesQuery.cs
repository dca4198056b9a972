using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Rules.ListRules;

/// <summary>Every rule of the engine's catalogue with the weight the engine uses for it now.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Analyst)]
public sealed record ListRulesQuery : IRequest<IReadOnlyList<RuleSummary>>;
