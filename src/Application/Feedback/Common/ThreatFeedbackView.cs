using InfiniteSecurity.Domain.Feedback;

namespace InfiniteSecurity.Application.Feedback.Common;

/// <summary>One analyst's verdict on a threat as the API shows it.</summary>
/// <param name="Id">Id of the verdict.</param>
/// <param name="ThreatId">The threat it judges.</param>
/// <param name="AnalystId">The analyst's user id.</param>
/// <param name="Verdict"><c>true_positive</c> or <c>false_positive</c>.</param>
/// <param name="Comment">The analyst's comment (bounded, control characters replaced), or null.</param>
/// <param name="SubmittedAt">When the verdict was given or last replaced (UTC).</param>
public sealed record ThreatFeedbackView(Guid Id, Guid ThreatId, string AnalystId, string Verdict, string? Comment, DateTime SubmittedAt)
{
    public static ThreatFeedbackView From(ThreatFeedback f) => new(f.Id, f.ThreatId, f.AnalystId, FeedbackVerdicts.Name(f.Verdict), f.Comment, f.SubmittedAt);
}
