namespace InfiniteSecurity.Detection.Rules;

/// <summary>
/// Turns analysts' verdicts on a rule into the weight the engine uses for it. The rule's precision is estimated with
/// a Beta prior centred on its base weight: <c>precision = (tp + s·base) / (tp + fp + s)</c>, where <c>s</c> is
/// <see cref="PriorStrength"/>, the number of verdicts the catalogue's own judgement counts as. With no feedback the
/// estimate is the base weight; every false positive pulls it down, every true positive up, and a few verdicts
/// cannot swing a rule far, while many can. The estimate is clamped into the rule's floor and ceiling, so no amount
/// of feedback silences a rule or lets it outrank its bounds.
/// </summary>
public static class FeedbackWeighting
{
    /// <summary>How many verdicts the catalogue's base weight is worth. Ten means one false positive moves a 0.9 rule
    /// to about 0.82, and it takes dozens before the floor is reached.</summary>
    public const double PriorStrength = 10;

    /// <summary>The smoothed precision estimate for <paramref name="rule"/> after the given verdicts, within its bounds.</summary>
    public static double Weight(RuleDefinition rule, long truePositives, long falsePositives)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(truePositives);
        ArgumentOutOfRangeException.ThrowIfNegative(falsePositives);

        var alpha = PriorStrength * rule.BaseWeight;
        var precision = (truePositives + alpha) / (truePositives + falsePositives + PriorStrength);
        return rule.Clamp(precision);
    }
}
