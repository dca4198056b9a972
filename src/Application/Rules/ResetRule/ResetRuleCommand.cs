using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Rules.ListRules;
using MediatR;

namespace InfiniteSecurity.Application.Rules.ResetRule;

/// <summary>An admin undoes a rule's tuning: base weight again, feedback counts cleared (the verdicts stay as history).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ResetRuleCommand(string RuleId) : IRequest<RuleSummary>;
