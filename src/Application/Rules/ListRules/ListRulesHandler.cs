using InfiniteSecurity.Detection.Rules;
using MediatR;

namespace InfiniteSecurity.Application.Rules.ListRules;

/// <summary>Reads the catalogue and asks the registered weights (the same instance the analyzer uses) for each rule.</summary>
internal sealed class ListRulesHandler(RuleCatalogue catalogue, IRuleWeights weights) : IRequestHandler<ListRulesQuery, IReadOnlyList<RuleSummary>>
{
    public Task<IReadOnlyList<RuleSummary>> Handle(ListRulesQuery request, CancellationToken cancellationToken)
    {
        IReadOnlyList<RuleSummary> rules = catalogue.Rules
            .Select(r => new RuleSummary(r.Id, r.Family, r.BaseWeight, r.Floor, r.Ceiling, weights.EffectiveWeight(r), r.Reason, r.Cwe, r.Capec))
            .ToArray();
        return Task.FromResult(rules);
    }
}
