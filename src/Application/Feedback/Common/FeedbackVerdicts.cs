using InfiniteSecurity.Domain.Feedback;

namespace InfiniteSecurity.Application.Feedback.Common;

/// <summary>The verdicts' names on the wire, in one place.</summary>
public static class FeedbackVerdicts
{
    public const string TruePositive = "true_positive";
    public const string FalsePositive = "false_positive";

    public static bool TryParse(string? name, out FeedbackVerdict verdict)
    {
        switch (name)
        {
            case TruePositive:
                verdict = FeedbackVerdict.TruePositive;
                return true;
            case FalsePositive:
                verdict = FeedbackVerdict.FalsePositive;
                return true;
            default:
                verdict = default;
                return false;
        }
    }

    public static string Name(FeedbackVerdict verdict) => verdict == FeedbackVerdict.TruePositive ? TruePositive : FalsePositive;
}
