namespace InfiniteSecurity.Detection;

/// <summary>Thresholds of the decision policy (the seed's figures are the defaults). Bound from <c>Detection:Policy</c>.</summary>
public sealed class DecisionPolicyOptions
{
    public double BlockImmediateAt { get; set; } = 0.9;
    public double BlockWithLogAt { get; set; } = 0.7;
    public double MonitorAt { get; set; } = 0.5;
    public double HumanReviewAt { get; set; } = 0.8;

    /// <summary>Below this confidence an admin's input is allowed with a warning instead of monitored or blocked.</summary>
    public double AdminLeniencyBelow { get; set; } = 0.8;

    /// <summary>SQL injection above this confidence is blocked at least with a log entry.</summary>
    public double SqlInjectionBlockAbove { get; set; } = 0.6;

    public void Validate()
    {
        double[] values = [BlockImmediateAt, BlockWithLogAt, MonitorAt, HumanReviewAt, AdminLeniencyBelow, SqlInjectionBlockAbove];
        if (values.Any(v => double.IsNaN(v) || v < 0 || v > 1))
        {
            throw new ArgumentException("Decision policy thresholds must lie between 0 and 1.");
        }

        if (!(MonitorAt <= BlockWithLogAt && BlockWithLogAt <= BlockImmediateAt))
        {
            throw new ArgumentException("Decision policy thresholds must satisfy MonitorAt <= BlockWithLogAt <= BlockImmediateAt.");
        }
    }
}
