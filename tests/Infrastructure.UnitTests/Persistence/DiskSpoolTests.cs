using InfiniteSecurity.Domain.Audit;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Domain.Threats;
using InfiniteSecurity.Infrastructure.Persistence.Writing;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfiniteSecurity.Infrastructure.UnitTests.Persistence;

public sealed class DiskSpoolTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Path.Combine(Path.GetTempPath(), "infsec-spool-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    private static SpoolRecord Record(int n)
    {
        var analysis = new ThreatAnalysis(true, 0.93, ThreatCategory.Xss, Severity.Critical, 92,
            [new Finding(ThreatCategory.Xss, "xss.script", 0.93, "html", 3, 8, "<script>", "script element")]);
        var decision = new DecisionPolicy(new DecisionPolicyOptions()).Decide(analysis, false);
        return new SpoolRecord
        {
            Threat = Threat.Record(Guid.NewGuid(), analysis, decision, InputFingerprint.Of($"input {n}"), "[{\"e\":1}]", "10.0.0.1", "user-1", TimeProvider.System),
            AuditEvent = AuditEvent.Record(AuditEventType.ThreatDetected, AuditOutcome.Success, "user-1", "10.0.0.1", "ua", $"n={n}", TimeProvider.System),
        };
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Spool_folder_is_0700_and_its_files_0600()
    {
        var spool = new DiskSpool(_directory, NullLogger<DiskSpool>.Instance);

        await spool.AppendAsync([Record(1)]);
        var replay = (await spool.TakeForReplayAsync(CancellationToken.None)).Single();
        await spool.AppendAsync([Record(2)]);

        Assert.That(File.GetUnixFileMode(_directory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(Directory.GetFiles(_directory).Select(File.GetUnixFileMode), Has.All.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(replay), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task Spooled_entities_round_trip_with_every_stored_property_including_ids()
    {
        var spool = new DiskSpool(_directory, NullLogger<DiskSpool>.Instance);
        var written = new[] { Record(1), Record(2) };

        await spool.AppendAsync(written);
        var file = (await spool.TakeForReplayAsync(CancellationToken.None)).Single();
        var read = await spool.ReadAsync(file, CancellationToken.None);

        Assert.That(read, Has.Count.EqualTo(2));
        foreach (var property in typeof(Threat).GetProperties())
        {
            Assert.That(property.GetValue(read[0].Threat), Is.EqualTo(property.GetValue(written[0].Threat)), property.Name);
        }

        foreach (var property in typeof(AuditEvent).GetProperties())
        {
            Assert.That(property.GetValue(read[1].AuditEvent), Is.EqualTo(property.GetValue(written[1].AuditEvent)), property.Name);
        }
    }

    [Test]
    public async Task A_torn_last_line_from_a_crash_mid_append_is_skipped_and_the_rest_is_kept()
    {
        var spool = new DiskSpool(_directory, NullLogger<DiskSpool>.Instance);
        await spool.AppendAsync([Record(1)]);
        await File.AppendAllTextAsync(Path.Combine(_directory, "current.jsonl"), "{\"Threat\":{\"Id\":\"0199");

        var file = (await spool.TakeForReplayAsync(CancellationToken.None)).Single();
        var read = await spool.ReadAsync(file, CancellationToken.None);

        Assert.That(read, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Taking_for_replay_starts_a_new_current_file_and_completing_removes_the_replayed_one()
    {
        var spool = new DiskSpool(_directory, NullLogger<DiskSpool>.Instance);
        await spool.AppendAsync([Record(1)]);

        var files = await spool.TakeForReplayAsync(CancellationToken.None);
        await spool.AppendAsync([Record(2)]);
        spool.Complete(files.Single());

        Assert.That(spool.HasPending, Is.True);
        var next = await spool.TakeForReplayAsync(CancellationToken.None);
        Assert.That(next, Has.Count.EqualTo(1).And.Not.Contains(files.Single()));
        spool.Complete(next.Single());
        Assert.That(spool.HasPending, Is.False);
    }
}
