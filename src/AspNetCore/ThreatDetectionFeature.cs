using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.AspNetCore;

internal sealed class ThreatDetectionFeature : IThreatDetectionFeature
{
    private ThreatDetectionFeature(ThreatDetectionMode mode, string? notInspectedReason, RequestVerdict? verdict, Decision? decision, IReadOnlyList<string> problems)
    {
        Mode = mode;
        NotInspectedReason = notInspectedReason;
        Verdict = verdict;
        Decision = decision;
        Problems = problems;
    }

    public ThreatDetectionMode Mode { get; }

    public bool Inspected => Verdict is not null;

    public string? NotInspectedReason { get; }

    public RequestVerdict? Verdict { get; }

    public Decision? Decision { get; }

    public bool IsThreat => Verdict?.Analysis.IsThreat ?? false;

    public bool ShouldBlock => Decision?.Blocked ?? false;

    public IReadOnlyList<string> Problems { get; }

    public static ThreatDetectionFeature NotInspected(ThreatDetectionMode mode, string reason) => new(mode, reason, null, null, []);

    public static ThreatDetectionFeature For(ThreatDetectionMode mode, RequestVerdict verdict, Decision decision, IReadOnlyList<string> ownProblems) =>
        new(mode, null, verdict, decision, ownProblems.Count == 0 ? verdict.Problems : [.. ownProblems, .. verdict.Problems]);
}
