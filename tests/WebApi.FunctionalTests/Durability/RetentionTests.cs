using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.Infrastructure.Persistence.Retention;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Durability;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class RetentionTests(DatabaseProvider provider)
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Test]
    public async Task Retention_deletes_only_threats_older_than_the_configured_days_in_batches_and_keeps_the_audit_trail()
    {
        var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        await using var factory = await new ApiFactory
        {
            Provider = provider,
            Settings = { ["Retention:Days"] = "30", ["Retention:BatchSize"] = "7" },
        }.StartAsync();

        var policy = new DecisionPolicy(new DecisionPolicyOptions());
        var analysis = new ThreatAnalysis(true, 0.95, ThreatCategory.SqlInjection, Severity.Critical, 94,
            [new Finding(ThreatCategory.SqlInjection, "test.rule", 0.95, "raw", 0, 1, "x", "test")]);
        await factory.QueryAsync(async db =>
        {
            foreach (var ageDays in Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? 31 + i : i % 29))
            {
                var at = new FixedTime(now.AddDays(-ageDays));
                db.Threats.Add(Threat.Record(Guid.NewGuid(), analysis, policy.Decide(analysis, false), InputFingerprint.Of($"x{ageDays}"), "{}", null, null, at));
                db.AuditEvents.Add(AuditEvent.Record(AuditEventType.ThreatDetected, AuditOutcome.Success, null, null, null, null, at));
            }

            return await db.SaveChangesAsync();
        });

        var auditsBefore = await factory.QueryAsync(db => db.AuditEvents.CountAsync());
        var job = ActivatorUtilities.CreateInstance<RetentionJob>(factory.Services, (TimeProvider)new FixedTime(now));
        var deleted = await job.RunOnceAsync(CancellationToken.None);

        var cutoff = now.UtcDateTime.AddDays(-30);
        var remaining = await factory.QueryAsync(db => db.Threats.Select(t => t.DetectedAt).ToListAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(25));
            Assert.That(remaining, Has.Count.EqualTo(25));
            Assert.That(remaining, Has.All.GreaterThanOrEqualTo(cutoff));
            Assert.That(await factory.QueryAsync(db => db.AuditEvents.CountAsync()), Is.EqualTo(auditsBefore));
        });
    }
}
