namespace InfiniteSecurity.Detection;

/// <summary>
/// The seed's decision policy: confidence bands map to an action and an alert level, with two modifiers.
/// Order matters: the admin leniency is applied before the SQL injection floor, so an admin can never
/// wave through a likely SQL injection (the safer of the two rules wins).
/// </summary>
public sealed class DecisionPolicy
{
    private readonly DecisionPolicyOptions _options;

    public DecisionPolicy(DecisionPolicyOptions options)
    {
        options.Validate();
        _options = options;
    }

    public Severity SeverityFor(double confidence) =>
        confidence >= _options.BlockImmediateAt ? Severity.Critical
        : confidence >= _options.BlockWithLogAt ? Severity.High
        : confidence >= _options.MonitorAt ? Severity.Medium
        : Severity.Low;

    public Decision Decide(ThreatAnalysis analysis, bool isAdmin)
    {
        var c = analysis.Confidence;
        var level = SeverityFor(c);
        var action = level switch
        {
            Severity.Critical => DecisionAction.BlockImmediate,
            Severity.High => DecisionAction.BlockWithLog,
            Severity.Medium => DecisionAction.MonitorOnly,
            _ => DecisionAction.Allow,
        };

        if (isAdmin && analysis.IsThreat && c < _options.AdminLeniencyBelow)
        {
            action = DecisionAction.AllowWithWarning;
        }

        if (analysis.Category == ThreatCategory.SqlInjection && c > _options.SqlInjectionBlockAbove && action < DecisionAction.BlockWithLog)
        {
            action = DecisionAction.BlockWithLog;
        }

        return new Decision(action, level, c >= _options.HumanReviewAt);
    }
}
