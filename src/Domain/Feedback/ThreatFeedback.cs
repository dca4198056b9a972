using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Feedback;

/// <summary>
/// One analyst's verdict on one threat. An analyst has at most one verdict per threat: giving another replaces it,
/// so the rule counts reflect each analyst's latest judgement and cannot be inflated by repeating it.
/// </summary>
public sealed class ThreatFeedback
{
    public const int MaxCommentLength = 1000;
    public const int MaxAnalystIdLength = 128;

    private ThreatFeedback()
    {
    }

    public Guid Id { get; private set; }
    public Guid ThreatId { get; private set; }
    public string AnalystId { get; private set; } = string.Empty;
    public FeedbackVerdict Verdict { get; private set; }

    /// <summary>Free text, bounded, control characters replaced.</summary>
    public string? Comment { get; private set; }
    public DateTime SubmittedAt { get; private set; }

    public static ThreatFeedback Submit(Guid threatId, string analystId, FeedbackVerdict verdict, string? comment, TimeProvider time)
    {
        if (threatId == Guid.Empty)
        {
            throw new DomainException("Feedback needs a threat.");
        }

        var feedback = new ThreatFeedback
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            ThreatId = threatId,
            AnalystId = Guard.NotBlank(analystId, "Analyst id", MaxAnalystIdLength),
        };
        feedback.Set(verdict, comment, time);
        return feedback;
    }

    /// <summary>The analyst changes their mind (or restates it): the newest verdict and comment count.</summary>
    public void Replace(FeedbackVerdict verdict, string? comment, TimeProvider time) => Set(verdict, comment, time);

    private void Set(FeedbackVerdict verdict, string? comment, TimeProvider time)
    {
        if (!Enum.IsDefined(verdict))
        {
            throw new DomainException("Unknown verdict.");
        }

        Verdict = verdict;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : Guard.Neutralise(comment.Trim(), MaxCommentLength);
        SubmittedAt = time.UtcNow();
    }
}
