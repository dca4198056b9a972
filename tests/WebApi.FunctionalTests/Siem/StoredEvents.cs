using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.WebApi.FunctionalTests.Siem;

/// <summary>Threats and audit events made the way the write path makes them, for tests that store them directly.</summary>
internal static class StoredEvents
{
    private static readonly DecisionPolicy Policy = new(new DecisionPolicyOptions());

    private static readonly ThreatAnalysis Analysis = new(true, 0.95, ThreatCategory.SqlInjection, Severity.Critical, 94,
        [new Finding(ThreatCategory.SqlInjection, "sqli.tautology", 0.95, "raw", 0, 1, "x", "test")]);

    public static Threat Threat(TimeProvider? time = null, string? source = "198.51.100.4") =>
        Domain.Threats.Threat.Record(Guid.NewGuid(), Analysis, Policy.Decide(Analysis, false), InputFingerprint.Of("x"), "{}", source, "someone", time ?? TimeProvider.System, ["query:q"]);

    public static AuditEvent Audit(string type = AuditEventType.LoginFailed, TimeProvider? time = null) =>
        AuditEvent.Record(type, AuditOutcome.Failure, "someone", "198.51.100.5", "tests", null, time ?? TimeProvider.System);

    public sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
