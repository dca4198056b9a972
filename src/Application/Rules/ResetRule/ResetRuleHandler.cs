using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Rules.Common;
using InfiniteSecurity.Application.Rules.ListRules;
using InfiniteSecurity.Detection.Rules;
using MediatR;

namespace InfiniteSecurity.Application.Rules.ResetRule;

internal sealed class ResetRuleHandler(IAppDbContext db, IRuleFeedbackLedger ledger, RuleTuning tuning, ITunedRuleWeights weights, RuleCatalogue catalogue, IRuleWeights engineWeights)
    : IRequestHandler<ResetRuleCommand, RuleSummary>
{
    public async Task<RuleSummary> Handle(ResetRuleCommand request, CancellationToken cancellationToken)
    {
        if (!catalogue.TryGet(request.RuleId, out var rule))
        {
            throw new NotFoundException("Rule", request.RuleId);
        }

        await ledger.InTransactionAsync(async token =>
        {
            await tuning.ResetAsync(rule, token).ConfigureAwait(false);
            return await db.SaveChangesAsync(token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        await weights.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        return (await RuleSummaries.ReadAsync(db, [rule], engineWeights, cancellationToken).ConfigureAwait(false))[0];
    }
}
