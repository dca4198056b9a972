using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Application.Threats.AnalyzeInput;

/// <summary>The verdict on one input and, when it was a threat, the id under which it was stored.</summary>
public sealed record AnalyzeInputResult(
    Guid RequestId,
    ThreatAnalysis Analysis,
    Decision Decision,
    DateTime Timestamp,
    Guid? ThreatId);
