namespace InfiniteSecurity.Domain.Feedback;

/// <summary>An analyst's judgement of a stored threat.</summary>
public enum FeedbackVerdict
{
    /// <summary>The input was an attack: the rules that matched were right.</summary>
    TruePositive = 0,

    /// <summary>The input was benign: the rules that matched were wrong.</summary>
    FalsePositive = 1,
}
