namespace InfiniteSecurity.Detection;

/// <summary>How bad a detected threat is; derived from confidence with the decision policy's thresholds.</summary>
public enum Severity
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}
