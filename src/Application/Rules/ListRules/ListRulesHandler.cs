using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Detection.Rules;
using MediatR;

namespace InfiniteSecurity.Application.Rules.ListRules;

/// <summary>Reads the catalogue and asks the registered weights (the same instance the analyzer uses) for each rule.</summary>
internal sealed class ListRulesHandler(IAppDbContext db, RuleCatalogue catalogue, IRuleWeights weights) : IRequestHandler<ListRulesQuery, IReadOnlyList<RuleSummary>>
{
    public Task<IReadOnlyList<RuleSummary>> Handle(ListRulesQuery request, CancellationToken cancellationToken) =>
        RuleSummaries.ReadAsync(db, catalogue.Rules, weights, cancellationToken);
}
