namespace InfiniteSecurity.Detection.Requests;

/// <summary>The single verdict on one request.</summary>
/// <param name="Analysis">Same shape as <c>/analyze</c>: winning family, confidence, severity, risk, the winning
/// location's findings first.</param>
/// <param name="Findings">Every counted located finding (from values judged a threat after the context policy).</param>
/// <param name="Excluded">Findings silenced by an exclusion or by the context policy, kept for visibility.</param>
/// <param name="ValuesInspected">How many located values the engine analysed.</param>
/// <param name="Problems">What could not be inspected and why (limits, malformed bodies, binary types).</param>
public sealed record RequestVerdict(ThreatAnalysis Analysis, IReadOnlyList<LocatedFinding> Findings, IReadOnlyList<LocatedFinding> Excluded, int ValuesInspected, IReadOnlyList<string> Problems);
