namespace InfiniteSecurity.Detection;

/// <summary>What the calling application should do with the input.</summary>
public enum DecisionAction
{
    Allow,
    AllowWithWarning,
    MonitorOnly,
    BlockWithLog,
    BlockImmediate,
}
