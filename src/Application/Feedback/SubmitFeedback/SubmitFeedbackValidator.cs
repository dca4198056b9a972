using FluentValidation;
using InfiniteSecurity.Application.Feedback.Common;
using InfiniteSecurity.Domain.Feedback;

namespace InfiniteSecurity.Application.Feedback.SubmitFeedback;

internal sealed class SubmitFeedbackValidator : AbstractValidator<SubmitFeedbackCommand>
{
    public SubmitFeedbackValidator()
    {
        RuleFor(c => c.Verdict)
            .Must(v => FeedbackVerdicts.TryParse(v, out _))
            .WithMessage($"verdict must be '{FeedbackVerdicts.TruePositive}' or '{FeedbackVerdicts.FalsePositive}'.")
            .OverridePropertyName("verdict");
        RuleFor(c => c.Comment)
            .MaximumLength(ThreatFeedback.MaxCommentLength)
            .OverridePropertyName("comment");
    }
}
