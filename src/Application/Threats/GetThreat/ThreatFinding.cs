namespace InfiniteSecurity.Application.Threats.GetThreat;

/// <summary>
/// One finding of a stored threat. <c>Start</c>/<c>Length</c> locate <c>Evidence</c> in the decoded <c>View</c> of the
/// value; <c>Location</c> is where in an inspected request the value was (null for a single analysed input).
/// </summary>
public sealed record ThreatFinding(
    string RuleId,
    string Family,
    double Confidence,
    string? Location,
    string? View,
    int Start,
    int Length,
    string Evidence,
    string? Reason);
