namespace InfiniteSecurity.Detection;

/// <summary>The policy's answer for one analysis.</summary>
public sealed record Decision(DecisionAction Action, Severity AlertLevel, bool RequiresHumanReview)
{
    public bool Blocked => Action is DecisionAction.BlockWithLog or DecisionAction.BlockImmediate;
}
