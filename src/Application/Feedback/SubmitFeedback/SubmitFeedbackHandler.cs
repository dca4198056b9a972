using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Feedback.Common;
using InfiniteSecurity.Application.Rules.Common;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Feedback;
using InfiniteSecurity.Domain.Threats;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Feedback.SubmitFeedback;

internal sealed class SubmitFeedbackHandler(
    IAppDbContext db,
    IRuleFeedbackLedger ledger,
    RuleTuning tuning,
    ITunedRuleWeights weights,
    ICallerContext caller,
    TimeProvider time) : IRequestHandler<SubmitFeedbackCommand, ThreatFeedbackView>
{
    public async Task<ThreatFeedbackView> Handle(SubmitFeedbackCommand request, CancellationToken cancellationToken)
    {
        FeedbackVerdicts.TryParse(request.Verdict, out var verdict);
        var analyst = caller.UserId!;
        var view = await ledger.InTransactionAsync(async token =>
        {
            var threat = await db.Threats.SingleOrDefaultAsync(t => t.Id == request.ThreatId, token).ConfigureAwait(false)
                ?? throw new NotFoundException("Threat", request.ThreatId);

            // The threat's review state is the latest verdict given on it, by any analyst.
            threat.MarkReviewed(verdict == FeedbackVerdict.TruePositive ? ThreatReviewState.TruePositive : ThreatReviewState.FalsePositive,
                time.GetUtcNow().UtcDateTime);

            var feedback = await db.ThreatFeedback.SingleOrDefaultAsync(f => f.ThreatId == request.ThreatId && f.AnalystId == analyst, token).ConfigureAwait(false);
            FeedbackVerdict? previous = feedback?.Verdict;
            if (feedback is null)
            {
                feedback = ThreatFeedback.Submit(request.ThreatId, analyst, verdict, request.Comment, time);
                db.ThreatFeedback.Add(feedback);
            }
            else
            {
                feedback.Replace(verdict, request.Comment, time);
            }

            db.Audit(caller, time, AuditEventType.ThreatFeedbackSubmitted, AuditOutcome.Success, null,
                $"threat={request.ThreatId} verdict={FeedbackVerdicts.Name(verdict)} previous={(previous is { } p ? FeedbackVerdicts.Name(p) : "none")}");

            // Restating the same verdict changes nothing: each analyst counts once per threat.
            if (previous != verdict)
            {
                var rules = threat.PatternsMatched.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                await tuning.CountAsync(rules, previous, verdict, request.ThreatId, token).ConfigureAwait(false);
            }

            await db.SaveChangesAsync(token).ConfigureAwait(false);
            return ThreatFeedbackView.From(feedback);
        }, cancellationToken).ConfigureAwait(false);

        // This instance uses the new weights at once; the others within their refresh interval.
        await weights.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        return view;
    }
}
