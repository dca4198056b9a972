namespace InfiniteSecurity.Application.Threats.ListThreats;

/// <summary>The orders a threat list can have; every one is descending and ends on the id, so it is total.</summary>
public enum ThreatSort
{
    DetectedAt,
    RiskScore,
    Severity,
}
